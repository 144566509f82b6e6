package io.tally.ledger.balance;

import io.tally.service.web.DomainException;

/** A deduction of more than the balance. */
final class InsufficientBalanceException extends DomainException {

    InsufficientBalanceException(String balance) {
        super(Kind.CONFLICT, "insufficient_balance", "amount",
                "The deduction is more than the balance of " + balance + "; nothing was changed.");
    }
}
