package io.tally.customer.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records the digest of a verification link just mailed; sent by the registration's mailer. */
public record RequestEmailVerificationCommand(@TargetAggregateIdentifier String customerId, String tokenSha256,
                                              Instant expiresAt) {
}
