package io.tally.customer.invitation;

/**
 * Internal to customer-service (never on Kafka): the registration {@code registrationId} that named the pending
 * invitation was refused because its address already has an account, the {@code refusedRegistrations}-th such
 * refusal. The refusal itself is published as RegistrationRejected.
 */
record InvitationRefusalCountedEvent(String invitationId, String registrationId, int refusedRegistrations) {
}
