package io.tally.customer.customer;

import io.tally.service.web.DomainException;

/** The platform already has an account with this email, ignoring case. */
final class EmailTakenException extends DomainException {

    EmailTakenException(String email) {
        super(Kind.CONFLICT, "email_taken", "email", "The account " + email + " already exists on this platform.");
    }
}
