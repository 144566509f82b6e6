package io.tally.customer.registration;

/**
 * Internal to customer-service (never on Kafka): the registration was refused because {@code email} already has an
 * account on the platform, and the address is to be told so by mail. Published only as RegistrationRejected, which
 * carries no address.
 */
record EmailTakenNoticeRequestedEvent(String registrationId, String platformId, String email) {
}
