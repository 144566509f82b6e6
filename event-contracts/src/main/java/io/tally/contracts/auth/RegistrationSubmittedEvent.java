package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

/**
 * auth-service received a public registration through an invitation link and holds the
 * password; customer-service answers with CustomerRegistered or RegistrationRejected.
 * Keyed by the invitation id, so that two registrations of one link are judged in order.
 */
@EventType(value = "io.tally.auth.RegistrationSubmitted.v1", topic = Topics.AUTH_EVENTS)
public record RegistrationSubmittedEvent(String registrationId, String invitationId, String platformId, String email,
                                         String teamName) implements PublishedEvent {

    @Override
    public String recordKey() {
        return invitationId;
    }
}
