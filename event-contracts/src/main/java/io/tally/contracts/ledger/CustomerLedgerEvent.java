package io.tally.contracts.ledger;

/**
 * An entry of one customer's ledger (a refill, a deduction or a change of credits), keyed by
 * the customer id. A customer's entries form one hash chain.
 */
public interface CustomerLedgerEvent extends LedgerEntryEvent {

    String customerId();

    /** The customer's balance after the entry, in minor units. */
    long balanceAfter();

    /** The customer's credits after the entry, in minor units. */
    long creditsAfter();

    @Override
    default String recordKey() {
        return customerId();
    }
}
