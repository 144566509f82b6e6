package io.tally.auth.command;

/** Who an operator account signs in as; the role becomes the token's {@code role} claim. */
public enum AccountRole {
    PROVIDER,
    PLATFORM_ADMIN
}
