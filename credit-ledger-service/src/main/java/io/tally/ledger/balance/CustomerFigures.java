package io.tally.ledger.balance;

import io.tally.ledger.money.Money;
import io.tally.ledger.money.MoneyRequests;
import org.springframework.http.ResponseEntity;

/** A customer's figures after a money write, as decimal strings in the platform's currency. */
public record CustomerFigures(String entryId, String currency, String balance, String credits,
                              String poolAvailable) {

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
