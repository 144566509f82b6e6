package io.tally.ledger.balance;

import io.tally.ledger.money.KeyedEntry;

/**
 * What a money write on a customer answers, in minor units: the entry and the figures after it. A retry with
 * the same Idempotency-Key and request answers the first outcome again, marked as a replay.
 * {@code poolAvailable} is null where the write did not touch the pool (refills, deductions).
 */
public record CustomerOutcome(String entryId, String currency, long balance, long credits, Long poolAvailable,
                              boolean replayed) {

    /** A retry's answer: the outcome of the customer's entry its key made. */
    public static CustomerOutcome replayOf(KeyedEntry entry) {
        return new CustomerOutcome(entry.entryId(), entry.currency(), entry.balance(), entry.credits(),
                entry.poolAvailable(), true);
    }
}
