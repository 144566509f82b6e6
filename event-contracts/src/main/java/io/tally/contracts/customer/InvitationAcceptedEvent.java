package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** A registration used the invitation. */
@EventType(value = "io.tally.customer.InvitationAccepted.v1", topic = Topics.CUSTOMER_EVENTS)
public record InvitationAcceptedEvent(String invitationId, String platformId, String customerId,
                                      String registrationId)
        implements InvitationEvent {
}
