package io.tally.customer.command;

import io.tally.service.web.DomainException;
/** Every named rejection of customer-service. */
public final class Rejections {

    private Rejections() {
    }

    public static final class CustomerNotFoundException extends DomainException {
        public CustomerNotFoundException(String customerId) {
            super(Kind.NOT_FOUND, "customer_not_found", null, "No customer " + customerId + " on this platform.");
        }
    }

    public static final class InvitationNotFoundException extends DomainException {
        public InvitationNotFoundException(String invitationId) {
            super(Kind.NOT_FOUND, "invitation_not_found", null,
                    "No invitation " + invitationId + " on this platform.");
        }
    }

    public static final class EmailTakenException extends DomainException {
        public EmailTakenException(String email) {
            super(Kind.CONFLICT, "email_taken", "email",
                    "The account " + email + " already exists on this platform.");
        }
    }

    public static final class InvalidCustomerDataException extends DomainException {
        public InvalidCustomerDataException(String code, String field, String message) {
            super(Kind.INVALID, code, field, message);
        }
    }

    public static final class InvitationNotPendingException extends DomainException {
        public InvitationNotPendingException(String invitationId, InvitationStatus status) {
            super(Kind.CONFLICT, "invitation_not_pending", null,
                    "Invitation " + invitationId + " is " + status + ", only a PENDING invitation can be revoked.");
        }
    }

    public static final class VerificationTokenException extends DomainException {
        public VerificationTokenException(String code, String message) {
            super(Kind.INVALID, code, "token", message);
        }
    }
}
