package io.tally.contracts.auth;

/** Why the sessions of an account ended. */
public enum SessionRevocationReason {
    /** An admin confirmed a generated password for the customer. */
    PASSWORD_RESET,
    /** The account holder changed their own password. */
    PASSWORD_CHANGED,
    /** The customer was disabled (state OFF). */
    CUSTOMER_DISABLED,
    /** The account holder signed out. */
    LOGOUT,
    /** A rotated refresh token was presented again: the whole session family is revoked. */
    REFRESH_TOKEN_REUSED
}
