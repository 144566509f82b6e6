package io.tally.customer.invitation;

import io.tally.service.web.DomainException;

/** An invitation must expire in the future. */
final class ExpiryInPastException extends DomainException {

    ExpiryInPastException() {
        super(Kind.INVALID, "expiry_in_past", "expiresInDays", "An invitation must expire in the future.");
    }
}
