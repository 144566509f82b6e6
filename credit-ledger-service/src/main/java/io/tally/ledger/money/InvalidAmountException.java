package io.tally.ledger.money;

import io.tally.service.web.DomainException;

/** An amount that is not one the ledger can keep: not a number, too precise, too large, or not positive. */
public final class InvalidAmountException extends DomainException {

    public InvalidAmountException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
