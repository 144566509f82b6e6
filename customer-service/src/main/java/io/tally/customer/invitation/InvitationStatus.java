package io.tally.customer.invitation;

/** Where an invitation stands; a pending one past its expiry counts as expired at once. */
enum InvitationStatus {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED
}
