package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** An admin revoked the pending invitation. */
@EventType(value = "io.tally.customer.InvitationRevoked.v1", topic = Topics.CUSTOMER_EVENTS)
public record InvitationRevokedEvent(String invitationId, String platformId) implements InvitationEvent {
}
