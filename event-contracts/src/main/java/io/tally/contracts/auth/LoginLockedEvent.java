package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * Too many failed sign-ins locked an account: auth-service refuses its sign-ins until
 * {@code lockedUntil}. Security monitoring and audit trails consume it. {@code platformId}
 * is null when the account is the provider operator's. No secret is ever part of it: not
 * the passwords that were tried, nor the client addresses. Keyed by the subject.
 */
@EventType(value = "io.tally.auth.LoginLocked.v1", topic = Topics.AUTH_EVENTS)
public record LoginLockedEvent(String subject, String platformId, Instant lockedUntil, int failures)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return subject;
    }
}
