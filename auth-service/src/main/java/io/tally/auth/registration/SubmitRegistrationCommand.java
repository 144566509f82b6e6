package io.tally.auth.registration;

/** A checked registration, its password already hashed: the hash waits aside until customer-service decides. */
record SubmitRegistrationCommand(String registrationId, String invitationId, String platformId, String email,
                                 String teamName, String passwordHash) {
}
