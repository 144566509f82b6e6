package io.tally.ledger.balance;

/**
 * The ledger learnt of a customer (from customer-service) and its platform. Private to the ledger: it stays in
 * the event store, named by this class, and is never published.
 */
public record CustomerLedgerOpenedEvent(String customerId, String platformId) {
}
