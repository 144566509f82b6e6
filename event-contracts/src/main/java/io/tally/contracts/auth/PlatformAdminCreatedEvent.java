package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * The provider operator created an admin account of a platform. The generated password is
 * shown once to the provider and never leaves auth-service: no secret is ever part of this
 * fact. Consumers (directories, audit trails) learn who administers a platform. Keyed by the
 * platform id, so that a platform's facts stay in order.
 */
@EventType(value = "io.tally.auth.PlatformAdminCreated.v1", topic = Topics.AUTH_EVENTS)
public record PlatformAdminCreatedEvent(String adminId, String platformId, String email, Instant createdAt)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return platformId;
    }
}
