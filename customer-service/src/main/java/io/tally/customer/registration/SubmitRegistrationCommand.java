package io.tally.customer.registration;

/** auth-service's RegistrationSubmitted, to be judged once: accepted through its invitation or rejected. */
record SubmitRegistrationCommand(String registrationId, String invitationId, String platformId, String email,
                                 String teamName) {
}
