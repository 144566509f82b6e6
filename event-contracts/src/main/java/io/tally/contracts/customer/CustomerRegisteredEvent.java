package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/** An invitee registered through an invitation; the email is not verified yet. */
@EventType(value = "io.tally.customer.CustomerRegistered.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerRegisteredEvent(String customerId, String platformId, String email, String teamName,
                                      String registrationId, String invitationId, Instant registeredAt)
        implements CustomerEvent {
}
