package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * The provider operator created a platform (tenant) with its name and its currency
 * (ISO 4217). credit-ledger-service consumes it to learn each platform's currency, in which
 * every amount of the platform is kept. No secret is ever part of it. Keyed by the platform id.
 */
@EventType(value = "io.tally.auth.PlatformCreated.v1", topic = Topics.AUTH_EVENTS)
public record PlatformCreatedEvent(String platformId, String name, String currency, Instant createdAt)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return platformId;
    }
}
