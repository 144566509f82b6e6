package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** A password that breaks the password policy; {@code field} names the request field. */
final class WeakPasswordException extends DomainException {

    WeakPasswordException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
