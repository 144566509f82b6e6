package io.tally.auth.signin;

/** An unknown user, a customer without a password yet or a wrong password: one answer for all three. */
final class InvalidCredentialsException extends RuntimeException {

    InvalidCredentialsException() {
        super("The username or the password is wrong.");
    }
}
