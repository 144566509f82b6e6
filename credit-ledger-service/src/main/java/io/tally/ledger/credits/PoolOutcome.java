package io.tally.ledger.credits;

/**
 * What setting a pool's total answers, in minor units: the entry and the pool's figures after it. A retry with
 * the same Idempotency-Key and total answers the first outcome again, marked as a replay.
 */
record PoolOutcome(String entryId, String currency, long total, long allocated, long available, boolean replayed) {

    PoolOutcome asReplay() {
        return new PoolOutcome(entryId, currency, total, allocated, available, true);
    }
}
