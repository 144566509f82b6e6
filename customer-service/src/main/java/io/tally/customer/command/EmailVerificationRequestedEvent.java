package io.tally.customer.command;

import java.time.Instant;

/**
 * A verification link was mailed. Internal to customer-service (never on Kafka): it keeps
 * only the SHA-256 digest of the link's token.
 */
public record EmailVerificationRequestedEvent(String customerId, String tokenSha256, Instant expiresAt) {
}
