package io.tally.auth.account;

/**
 * {@code platformId} is null for the provider, whose account belongs to no platform.
 * {@code passwordHash} is null only for a customer created by an admin: no sign-in until a
 * reset is confirmed.
 */
record CreateAccountCommand(String accountId, AccountRole role, String platformId, String username,
                            String passwordHash) {
}
