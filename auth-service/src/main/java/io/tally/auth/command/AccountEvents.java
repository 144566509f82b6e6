package io.tally.auth.command;

import java.time.Instant;

/**
 * The internal facts of an account. None has a CloudEvents type, so they stay in the event
 * store: password hashes never reach Kafka.
 */
public final class AccountEvents {

    private AccountEvents() {
    }

    /** An admin generated a password for the customer; it is not usable before it is confirmed. */
    public record PasswordResetGeneratedEvent(String accountId, String resetId, String passwordHash,
                                              Instant expiresAt) {
    }

    /** The account's password is now the one with this hash (a confirmed reset or the holder's change). */
    public record PasswordChangedEvent(String accountId, String passwordHash) {
    }

    /** A customer was enabled or disabled by customer-service. */
    public record AccountEnabledChangedEvent(String accountId, boolean enabled) {
    }
}
