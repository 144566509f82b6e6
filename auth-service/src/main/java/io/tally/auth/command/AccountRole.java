package io.tally.auth.command;

/** What an account may do: run the provider, administer one platform, or be one of its customers. */
public enum AccountRole {
    PROVIDER,
    PLATFORM_ADMIN,
    CUSTOMER
}
