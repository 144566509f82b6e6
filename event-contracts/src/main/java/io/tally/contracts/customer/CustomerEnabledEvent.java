package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** State ON: the customer may sign in. */
@EventType(value = "io.tally.customer.CustomerEnabled.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerEnabledEvent(String customerId, String platformId) implements CustomerEvent {
}
