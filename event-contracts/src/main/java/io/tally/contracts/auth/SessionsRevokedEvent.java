package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * Sessions of an account ended: every access token of {@code subject} issued before
 * {@code notBefore} must be refused from now on. The api-gateway consumes it and refuses
 * such tokens until they expire. {@code platformId} is null when the subject is the
 * provider operator, who belongs to no platform. No secret is ever part of it: no token,
 * no token id, no password. Keyed by the subject.
 */
@EventType(value = "io.tally.auth.SessionsRevoked.v1", topic = Topics.AUTH_EVENTS)
public record SessionsRevokedEvent(String subject, String platformId, Instant notBefore,
                                   SessionRevocationReason reason)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return subject;
    }
}
