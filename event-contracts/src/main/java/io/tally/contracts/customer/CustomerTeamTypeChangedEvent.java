package io.tally.contracts.customer;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

/** The team type followed a verification or a billing information change. */
@EventType(value = "io.tally.customer.CustomerTeamTypeChanged.v1", topic = Topics.CUSTOMER_EVENTS)
public record CustomerTeamTypeChangedEvent(String customerId, String platformId, TeamType previousTeamType,
                                           TeamType teamType)
        implements CustomerEvent {
}
