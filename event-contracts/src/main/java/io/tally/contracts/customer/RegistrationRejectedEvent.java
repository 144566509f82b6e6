package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

/** A submitted registration was refused; nothing was created. */
@EventType(value = "io.tally.customer.RegistrationRejected.v1", topic = Topics.CUSTOMER_EVENTS)
public record RegistrationRejectedEvent(String registrationId, String invitationId, String platformId,
                                        RegistrationRejectionReason reason)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return invitationId;
    }
}
