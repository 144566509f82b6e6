package io.tally.auth.account;

import io.tally.service.web.DomainException;

final class UsernameTakenException extends DomainException {

    UsernameTakenException(String username) {
        super(Kind.CONFLICT, "username_taken", "username", "The account " + username + " already exists.");
    }
}
