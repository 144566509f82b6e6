package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/**
 * The pending invitation refused its {@code refusedRegistrations}-th registration (an address that already has an
 * account on the platform) and is closed: a link that keeps being refused is being tried, not used.
 */
@EventType(value = "io.tally.customer.InvitationLocked.v1", topic = Topics.CUSTOMER_EVENTS)
public record InvitationLockedEvent(String invitationId, String platformId, int refusedRegistrations)
        implements InvitationEvent {
}
