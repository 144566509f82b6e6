package io.tally.ledger.balance;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.ledger.money.Money;
import io.tally.ledger.money.MoneyRequests;
import org.springframework.http.ResponseEntity;

/** A customer's figures after a money write, as decimal strings in the platform's currency. */
public record CustomerFigures(
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                description = "The ledger entry the write made; a retry answers the same one.",
                example = "9a7b3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d")
        String entryId,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                description = "The platform's ISO 4217 currency.", example = "USD")
        String currency,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                example = "120.00")
        String balance,
        @Schema(requiredMode = RequiredMode.REQUIRED, pattern = AMOUNT, description = AMOUNT_DESCRIPTION,
                example = "30.00")
        String credits,
        @Schema(pattern = AMOUNT, description = "The platform pool's available credits after a credits change; left out"
                + " for refills and deductions, which do not touch the pool.", example = "350.00")
        String poolAvailable) {

    /** Figures are never negative. */
    static final String AMOUNT = "^[0-9]+(\\.[0-9]{1,4})?$";
    static final String AMOUNT_DESCRIPTION = "A decimal string with exactly the currency's decimals (2 for USD).";

    static CustomerFigures of(CustomerOutcome outcome) {
        return new CustomerFigures(outcome.entryId(), outcome.currency(),
                Money.format(outcome.balance(), outcome.currency()),
                Money.format(outcome.credits(), outcome.currency()),
                outcome.poolAvailable() == null ? null
                        : Money.format(outcome.poolAvailable(), outcome.currency()));
    }

    /** The answer to a money write: the figures, and whether it is a retry's ({@code Idempotent-Replayed}). */
    public static ResponseEntity<CustomerFigures> answer(CustomerOutcome outcome) {
        return ResponseEntity.ok().header(MoneyRequests.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(of(outcome));
    }
}
