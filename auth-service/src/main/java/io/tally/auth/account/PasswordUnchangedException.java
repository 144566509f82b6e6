package io.tally.auth.account;

import io.tally.service.web.DomainException;

/** A password change to the password the account already has. */
final class PasswordUnchangedException extends DomainException {

    PasswordUnchangedException() {
        super(Kind.INVALID, "password_unchanged", "newPassword",
                "The new password must differ from the current one.");
    }
}
