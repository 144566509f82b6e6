package io.tally.auth.registration;

import io.tally.contracts.customer.RegistrationRejectionReason;

import java.time.Instant;

/** Internal: customer-service refused the registration; nothing was created. */
public record RegistrationRefusedEvent(String registrationId, RegistrationRejectionReason reason,
                                       Instant decidedAt) {
}
