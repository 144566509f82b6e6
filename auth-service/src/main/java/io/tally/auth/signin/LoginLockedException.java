package io.tally.auth.signin;

/** Too many failed sign-ins of the username, or from the address: refused for {@code retryAfterSeconds}. */
final class LoginLockedException extends RuntimeException {

    private final long retryAfterSeconds;

    LoginLockedException(long retryAfterSeconds) {
        super("Too many failed sign-ins; try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
