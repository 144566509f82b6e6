package io.tally.ledger.command;

import java.time.Instant;

/** The ledger's internal facts: they stay in the event store and are never published. */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    /** The ledger learnt of a platform (from auth-service's PlatformCreated) and its currency. */
    public record PlatformLedgerOpenedEvent(String platformId, String currency) {
    }

    /** The ledger learnt of a customer (from customer-service) and its platform. */
    public record CustomerLedgerOpenedEvent(String customerId, String platformId) {
    }

    /**
     * Credits moved between the pool and a customer ({@code change} positive when the customer
     * got more), in the transaction of the customer's CustomerCreditsSet.
     */
    public record PoolAllocationChangedEvent(String platformId, String customerId, String entryId, long change,
                                             long allocatedAfter, Instant occurredAt) {
    }
}
