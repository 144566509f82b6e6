package io.tally.auth.account;

/**
 * Too many wrong current passwords: password changes of the account (or from the address) are refused for
 * {@code retryAfterSeconds}. Not a {@link io.tally.service.web.DomainException}: it is answered with 429 and
 * Retry-After.
 */
final class PasswordChangeLockedException extends RuntimeException {

    private final long retryAfterSeconds;

    PasswordChangeLockedException(long retryAfterSeconds) {
        super("Too many wrong current passwords; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
