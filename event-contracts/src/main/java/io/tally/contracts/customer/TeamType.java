package io.tally.contracts.customer;

/**
 * DEFAULT until the email is verified and billing information is set; then the billing
 * information's type decides.
 */
public enum TeamType {
    DEFAULT,
    INDIVIDUAL,
    ENTERPRISE
}
