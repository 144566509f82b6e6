package io.tally.customer.customer;

import io.tally.service.web.DomainException;

/** An email verification token that is not valid, already used or expired; the code says which. */
public final class VerificationTokenException extends DomainException {

    public VerificationTokenException(String code, String message) {
        super(Kind.INVALID, code, "token", message);
    }
}
