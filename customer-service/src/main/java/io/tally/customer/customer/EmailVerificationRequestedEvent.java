package io.tally.customer.customer;

import java.time.Instant;

/**
 * A verification link was mailed. Internal to customer-service (never on Kafka): it keeps
 * only the SHA-256 digest of the link's token. The event store names it by this class; it was
 * stored as {@code io.tally.customer.command.EmailVerificationRequestedEvent} before the service
 * was cut into slices, and config's former event names resolve that name here.
 */
public record EmailVerificationRequestedEvent(String customerId, String tokenSha256, Instant expiresAt) {
}
