package io.tally.ledger.credits;

import java.time.Instant;

/**
 * Credits moved between the pool and a customer ({@code change} positive when the customer
 * got more), in the transaction of the customer's CustomerCreditsSet. Private to the ledger: it stays in the
 * event store, named by this class, and is never published.
 */
public record PoolAllocationChangedEvent(String platformId, String customerId, String entryId, long change,
                                         long allocatedAfter, Instant occurredAt) {
}
