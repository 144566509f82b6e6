package io.tally.customer.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

record SetCustomerStateCommand(@TargetAggregateIdentifier String customerId, String platformId, boolean enabled) {
}
