package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/** The invitation reached its expiry unused. */
@EventType(value = "io.tally.customer.InvitationExpired.v1", topic = Topics.CUSTOMER_EVENTS)
public record InvitationExpiredEvent(String invitationId, String platformId, Instant expiredAt)
        implements InvitationEvent {
}
