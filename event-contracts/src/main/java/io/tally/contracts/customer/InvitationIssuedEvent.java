package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * An admin issued a single-use invitation link. Carries the SHA-256 digest of the link's
 * 256-bit token (never the token) so that the registration's receiver can check a presented link.
 */
@EventType(value = "io.tally.customer.InvitationIssued.v1", topic = Topics.CUSTOMER_EVENTS)
public record InvitationIssuedEvent(String invitationId, String platformId, String email, String tokenSha256,
                                    Instant expiresAt)
        implements InvitationEvent {
}
