package io.tally.auth.command;

import io.tally.service.web.DomainException;

/** Every named rejection of auth-service. */
public final class Rejections {

    private Rejections() {
    }

    public static final class InvalidAccountDataException extends DomainException {
        public InvalidAccountDataException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    public static final class PlatformNameTakenException extends DomainException {
        public PlatformNameTakenException(String name) {
            super(Kind.CONFLICT, "platform_name_taken", "name", "A platform named " + name + " already exists.");
        }
    }

    public static final class PlatformNotFoundException extends DomainException {
        public PlatformNotFoundException(String platformId) {
            super(Kind.NOT_FOUND, "platform_not_found", null, "No platform " + platformId + ".");
        }
    }

    public static final class UsernameTakenException extends DomainException {
        public UsernameTakenException(String username) {
            super(Kind.CONFLICT, "username_taken", "username", "The account " + username + " already exists.");
        }
    }
}
