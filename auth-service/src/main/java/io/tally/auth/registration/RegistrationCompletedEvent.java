package io.tally.auth.registration;

import java.time.Instant;

/** Internal: customer-service registered the customer. */
public record RegistrationCompletedEvent(String registrationId, String customerId, Instant decidedAt) {
}
