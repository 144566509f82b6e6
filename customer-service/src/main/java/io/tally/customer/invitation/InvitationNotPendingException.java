package io.tally.customer.invitation;

import io.tally.service.web.DomainException;

/** Only a pending invitation can be revoked. */
final class InvitationNotPendingException extends DomainException {

    InvitationNotPendingException(String invitationId, InvitationStatus status) {
        super(Kind.CONFLICT, "invitation_not_pending", null,
                "Invitation " + invitationId + " is " + status + ", only a PENDING invitation can be revoked.");
    }
}
