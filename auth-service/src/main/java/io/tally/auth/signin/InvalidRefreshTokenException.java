package io.tally.auth.signin;

/** A refresh token that is unknown, expired or revoked, or whose account can no longer sign in. */
final class InvalidRefreshTokenException extends RuntimeException {

    InvalidRefreshTokenException() {
        super("The refresh token is unknown, expired or revoked. Sign in again.");
    }
}
