package io.tally.auth.signin;

/** The right password of a disabled account. */
final class AccountDisabledException extends RuntimeException {

    AccountDisabledException() {
        super("This account is disabled; ask the platform's administrator.");
    }
}
