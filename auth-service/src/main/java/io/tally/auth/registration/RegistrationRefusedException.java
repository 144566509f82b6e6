package io.tally.auth.registration;

import io.tally.service.web.DomainException;

/** A registration whose invitation link cannot be used, as far as auth-service can tell. */
final class RegistrationRefusedException extends DomainException {

    RegistrationRefusedException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
