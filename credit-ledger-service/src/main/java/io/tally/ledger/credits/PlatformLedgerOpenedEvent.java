package io.tally.ledger.credits;

/**
 * The ledger learnt of a platform (from auth-service's PlatformCreated) and its currency. Private to the ledger:
 * it stays in the event store, named by this class, and is never published.
 */
public record PlatformLedgerOpenedEvent(String platformId, String currency) {
}
