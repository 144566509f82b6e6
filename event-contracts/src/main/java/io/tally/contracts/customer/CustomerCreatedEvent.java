package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/** A platform admin created a customer account; the admin vouches for the email, so it counts as verified. */
@EventType(value = "io.tally.customer.CustomerCreated.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerCreatedEvent(String customerId, String platformId, String email, String teamName,
                                   BillingInformation billingInfo, TeamType teamType, Instant createdAt)
        implements CustomerEvent {
}
