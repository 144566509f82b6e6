package io.tally.auth.account;

import java.time.Instant;

/**
 * An admin generated a password for the customer; it is not usable before it is confirmed. Internal to
 * auth-service: it has no CloudEvents type, so the hash stays in the event store and never reaches Kafka.
 */
public record PasswordResetGeneratedEvent(String accountId, String resetId, String passwordHash, Instant expiresAt) {
}
