package io.tally.auth.registration;

import java.time.Instant;

/** Internal: when the submission arrived, for the status resource. */
public record RegistrationReceivedEvent(String registrationId, String invitationId, String platformId,
                                        Instant submittedAt) {
}
