package io.tally.auth.platform;

import io.tally.service.web.DomainException;

final class PlatformNameTakenException extends DomainException {

    PlatformNameTakenException(String name) {
        super(Kind.CONFLICT, "platform_name_taken", "name", "A platform named " + name + " already exists.");
    }
}
