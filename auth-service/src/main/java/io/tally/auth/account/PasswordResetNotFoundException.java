package io.tally.auth.account;

import io.tally.service.web.DomainException;

final class PasswordResetNotFoundException extends DomainException {

    PasswordResetNotFoundException(String resetId) {
        super(Kind.NOT_FOUND, "password_reset_not_found", null, "No password reset " + resetId + ".");
    }
}
