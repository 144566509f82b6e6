package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/** The customer followed the verification link sent to their email. */
@EventType(value = "io.tally.customer.CustomerEmailVerified.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerEmailVerifiedEvent(String customerId, String platformId, Instant verifiedAt)
        implements CustomerEvent {
}
