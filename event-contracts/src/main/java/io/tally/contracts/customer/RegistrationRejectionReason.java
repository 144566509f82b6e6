package io.tally.contracts.customer;

public enum RegistrationRejectionReason {
    INVITATION_UNKNOWN,
    INVITATION_USED,
    INVITATION_EXPIRED,
    INVITATION_REVOKED,
    EMAIL_TAKEN,
    EMAIL_MISMATCH,
    INVALID_SUBMISSION
}
