package io.tally.contracts.ledger;

/**
 * An entry of one customer's ledger (a refill, a deduction or a change of credits), keyed by
 * the customer id. A customer's entries form one hash chain.
 */
public interface CustomerLedgerEvent extends LedgerEntryEvent {

    String customerId();

    @Override
    default String recordKey() {
        return customerId();
    }
}
