package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** Basic information was edited; carries the whole information after the edit. */
@EventType(value = "io.tally.customer.CustomerInformationUpdated.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerInformationUpdatedEvent(String customerId, String platformId, String teamName,
                                              String companyName, String contactName, String phone,
                                              PostalAddress address)
        implements CustomerEvent {
}
