package io.tally.auth.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** customer-service registered the customer. */
record CompleteRegistrationCommand(@TargetAggregateIdentifier String registrationId, String customerId) {
}
