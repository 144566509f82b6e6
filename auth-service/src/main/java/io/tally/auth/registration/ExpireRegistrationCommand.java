package io.tally.auth.registration;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;

/**
 * Nobody decided on the registration within {@code decisionDeadline} of its submission: end it. Sent by
 * {@link UndecidedRegistrationSweep}.
 */
record ExpireRegistrationCommand(@TargetAggregateIdentifier String registrationId, Duration decisionDeadline) {
}
