package io.tally.ledger.credits;

import io.tally.ledger.money.KeyedEntry;

/**
 * What setting a pool's total answers, in minor units: the entry and the pool's figures after it. A retry with
 * the same Idempotency-Key and total answers the first outcome again, marked as a replay.
 */
record PoolOutcome(String entryId, String currency, long total, long allocated, long available, boolean replayed) {

    /** A retry's answer: the outcome of the pool's entry its key made. */
    static PoolOutcome replayOf(KeyedEntry entry) {
        return new PoolOutcome(entry.entryId(), entry.currency(), entry.amount(), entry.poolAllocated(),
                entry.poolAvailable(), true);
    }
}
