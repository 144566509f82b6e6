package io.tally.contracts.auth;

import io.tally.contracts.EventType;
import io.tally.contracts.PublishedEvent;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * A platform admin confirmed a password that auth-service generated for a customer: it is the
 * customer's password from {@code confirmedAt} on. Audit trails and customer-facing systems
 * consume it; the customer's sessions end by a {@link SessionsRevokedEvent} that follows. No
 * secret is ever part of it: neither the password nor any hash of it. Keyed by the customer id.
 */
@EventType(value = "io.tally.auth.PasswordReset.v1", topic = Topics.AUTH_EVENTS)
public record PasswordResetEvent(String resetId, String customerId, String platformId, Instant confirmedAt)
        implements PublishedEvent {

    @Override
    public String recordKey() {
        return customerId;
    }
}
