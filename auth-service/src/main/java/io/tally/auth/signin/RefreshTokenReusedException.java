package io.tally.auth.signin;

/** A refresh token presented again after it was replaced: it was copied, and every session of the account ended. */
final class RefreshTokenReusedException extends RuntimeException {

    RefreshTokenReusedException() {
        super("This refresh token was already used; every session of the account has ended. Sign in again.");
    }
}
