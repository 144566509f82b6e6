package io.tally.ledger.command;

/**
 * What a money write answers, in minor units: the entry and the figures after it. A retry with
 * the same Idempotency-Key and request answers the first outcome again, marked as a replay.
 */
public final class Outcomes {

    private Outcomes() {
    }

    /** {@code poolAvailable} is null where the write did not touch the pool (refills, deductions). */
    public record CustomerOutcome(String entryId, String currency, long balance, long credits, Long poolAvailable,
                                  boolean replayed) {

        CustomerOutcome asReplay() {
            return new CustomerOutcome(entryId, currency, balance, credits, poolAvailable, true);
        }
    }

    public record PoolOutcome(String entryId, String currency, long total, long allocated, long available,
                              boolean replayed) {

        PoolOutcome asReplay() {
            return new PoolOutcome(entryId, currency, total, allocated, available, true);
        }
    }
}
