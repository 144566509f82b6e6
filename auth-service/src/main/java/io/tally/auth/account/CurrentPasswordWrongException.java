package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** A password change whose current password is wrong (or that has no password yet to change). */
final class CurrentPasswordWrongException extends DomainException {

    CurrentPasswordWrongException() {
        super(Kind.INVALID, "current_password_wrong", "currentPassword", "The current password is wrong.");
    }
}
