package io.tally.ledger.balance;

/**
 * What a money write on a customer answers, in minor units: the entry and the figures after it. A retry with
 * the same Idempotency-Key and request answers the first outcome again, marked as a replay.
 * {@code poolAvailable} is null where the write did not touch the pool (refills, deductions).
 */
public record CustomerOutcome(String entryId, String currency, long balance, long credits, Long poolAvailable,
                              boolean replayed) {

    CustomerOutcome asReplay() {
        return new CustomerOutcome(entryId, currency, balance, credits, poolAvailable, true);
    }
}
