package io.tally.ledger.credits;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.ledger.money.Money;

/**
 * What setting a pool's total answers, like every money answer: the ledger entry that made the change (the
 * {@code entryId} of its {@code PlatformCreditPoolSet}) and the pool's figures after it, decimal strings in
 * {@code currency}. A retry with the same Idempotency-Key and body answers the same entry again.
 */
record PoolSetFigures(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                description = "The ledger entry the change made; a retry answers the same one.",
                example = "b3e1f2a4-5c6d-4e7f-8a9b-0c1d2e3f4a5b")
        String entryId,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                example = "500.00")
        String total,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT,
                description = "The customers' credits together. " + AMOUNT_DESCRIPTION, example = "150.00")
        String allocated,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = "total minus allocated. "
                + AMOUNT_DESCRIPTION, example = "350.00")
        String available,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                description = "The platform's ISO 4217 currency.", example = "USD")
        String currency) {

    /** Pool figures are never negative. */
    static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    static final String AMOUNT_DESCRIPTION = "A decimal string with exactly the currency's decimals (2 for USD).";

    static PoolSetFigures of(PoolOutcome outcome) {
        String currency = outcome.currency();
        return new PoolSetFigures(outcome.entryId(), Money.format(outcome.total(), currency),
                Money.format(outcome.allocated(), currency), Money.format(outcome.available(), currency), currency);
    }
}
