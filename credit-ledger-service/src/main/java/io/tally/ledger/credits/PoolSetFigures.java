package io.tally.ledger.credits;

import io.tally.ledger.money.Money;

/**
 * What setting a pool's total answers, like every money answer: the ledger entry that made the change (the
 * {@code entryId} of its {@code PlatformCreditPoolSet}) and the pool's figures after it, decimal strings in
 * {@code currency}. A retry with the same Idempotency-Key and body answers the same entry again.
 */
record PoolSetFigures(String entryId, String total, String allocated, String available, String currency) {

    static PoolSetFigures of(PoolOutcome outcome) {
        String currency = outcome.currency();
        return new PoolSetFigures(outcome.entryId(), Money.format(outcome.total(), currency),
                Money.format(outcome.allocated(), currency), Money.format(outcome.available(), currency), currency);
    }
}
