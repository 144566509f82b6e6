package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** State OFF: the customer may not sign in and their sessions end. */
@EventType(value = "io.tally.customer.CustomerDisabled.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerDisabledEvent(String customerId, String platformId) implements CustomerEvent {
}
