package io.tally.auth.registration;

import java.time.Instant;

/**
 * Internal: no decision on the registration arrived within the deadline, so auth-service ended it at
 * {@code decidedAt}: its waiting password is deleted and its status is REJECTED, NOT_DECIDED. A decision that
 * arrives later changes nothing in it.
 */
record RegistrationExpiredEvent(String registrationId, Instant decidedAt) {
}
