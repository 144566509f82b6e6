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

    public static final class AccountNotFoundException extends DomainException {
        public AccountNotFoundException(String accountId) {
            super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + accountId + ".");
        }
    }

    public static final class PasswordResetNotFoundException extends DomainException {
        public PasswordResetNotFoundException(String resetId) {
            super(Kind.NOT_FOUND, "password_reset_not_found", null, "No password reset " + resetId + ".");
        }
    }

    /** A generated password that can no longer be confirmed: expired, confirmed, or replaced. */
    public static final class PasswordResetRefusedException extends DomainException {
        public PasswordResetRefusedException(String code, String message) {
            super(Kind.CONFLICT, code, null, message);
        }
    }

    /** A password that breaks the password policy; {@code field} names the request field. */
    public static final class WeakPasswordException extends DomainException {
        public WeakPasswordException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    /** A registration whose invitation link cannot be used, as far as auth-service can tell. */
    public static final class RegistrationRefusedException extends DomainException {
        public RegistrationRefusedException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    public static final class RegistrationNotFoundException extends DomainException {
        public RegistrationNotFoundException(String registrationId) {
            super(Kind.NOT_FOUND, "registration_not_found", null, "No registration " + registrationId + ".");
        }
    }
}
