package io.tally.auth.registration;

import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** customer-service refused the registration. */
record RejectRegistrationCommand(@TargetAggregateIdentifier String registrationId,
                                 RegistrationRejectionReason reason) {
}
