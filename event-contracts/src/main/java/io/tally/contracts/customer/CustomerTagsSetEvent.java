package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.util.List;

/** The customer's tags were replaced by these. */
@EventType(value = "io.tally.customer.CustomerTagsSet.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerTagsSetEvent(String customerId, String platformId, List<String> tags) implements CustomerEvent {
}
