package io.tally.customer.invitation;

import io.tally.service.web.DomainException;

/** No such invitation on the caller's platform: unknown, malformed, another platform's or another kind's id alike. */
final class InvitationNotFoundException extends DomainException {

    InvitationNotFoundException(String invitationId) {
        super(Kind.NOT_FOUND, "invitation_not_found", null, "No invitation " + invitationId + " on this platform.");
    }
}
