package io.tally.auth.account;

/**
 * The account's password is now the one with this hash (a confirmed reset or the holder's change). Internal to
 * auth-service: it has no CloudEvents type, so the hash stays in the event store and never reaches Kafka.
 */
public record PasswordChangedEvent(String accountId, String passwordHash) {
}
