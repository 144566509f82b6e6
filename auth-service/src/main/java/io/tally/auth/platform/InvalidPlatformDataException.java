package io.tally.auth.platform;

import io.tally.service.web.DomainException;

/** A platform's name or currency that breaks a rule; {@code field} names the request field. */
final class InvalidPlatformDataException extends DomainException {

    InvalidPlatformDataException(String code, String field, String message) {
        super(Kind.INVALID, code, field, message);
    }
}
