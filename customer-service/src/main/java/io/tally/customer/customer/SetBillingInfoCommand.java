package io.tally.customer.customer;

import io.tally.contracts.customer.BillingInformation;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

record SetBillingInfoCommand(@TargetAggregateIdentifier String customerId, String platformId,
                             BillingInformation billingInfo) {
}
