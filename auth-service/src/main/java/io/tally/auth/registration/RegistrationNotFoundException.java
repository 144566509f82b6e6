package io.tally.auth.registration;

import io.tally.service.web.DomainException;

final class RegistrationNotFoundException extends DomainException {

    RegistrationNotFoundException(String registrationId) {
        super(Kind.NOT_FOUND, "registration_not_found", null, "No registration " + registrationId + ".");
    }
}
