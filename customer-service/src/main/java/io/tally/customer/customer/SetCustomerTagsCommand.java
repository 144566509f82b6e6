package io.tally.customer.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

record SetCustomerTagsCommand(@TargetAggregateIdentifier String customerId, String platformId, List<String> tags) {
}
