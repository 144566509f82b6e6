package io.tally.auth.account;

/** What an account may do: run the provider, administer one platform, or be one of its customers. */
enum AccountRole {
    PROVIDER,
    PLATFORM_ADMIN,
    CUSTOMER
}
