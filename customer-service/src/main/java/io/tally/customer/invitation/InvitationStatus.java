package io.tally.customer.invitation;

/**
 * Where an invitation stands; a pending one past its expiry counts as expired at once. LOCKED: closed after
 * {@value Invitation#REFUSED_REGISTRATIONS_LIMIT} registrations were refused for addresses that already have an
 * account.
 */
enum InvitationStatus {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED,
    LOCKED
}
