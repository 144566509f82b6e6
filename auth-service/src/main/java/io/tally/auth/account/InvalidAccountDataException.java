package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** An account's role, username or password that breaks a rule; {@code field} names the request field. */
final class InvalidAccountDataException extends DomainException {

    InvalidAccountDataException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
