package io.tally.customer.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Someone followed a verification link; the token is presented as its digest. */
public record VerifyCustomerEmailCommand(@TargetAggregateIdentifier String customerId, String tokenSha256) {
}
