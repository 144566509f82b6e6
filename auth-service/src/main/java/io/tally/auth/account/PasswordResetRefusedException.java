package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** A generated password that can no longer be confirmed: expired, confirmed, or replaced. */
final class PasswordResetRefusedException extends DomainException {

    PasswordResetRefusedException(String code, String message) {
        super(Kind.CONFLICT, code, null, message);
    }
}
