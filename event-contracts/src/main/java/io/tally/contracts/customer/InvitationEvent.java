package io.tally.contracts.customer;

import io.tally.contracts.PublishedEvent;

/** A fact about one invitation, keyed by the invitation id. */
public interface InvitationEvent extends PublishedEvent {

    String invitationId();

    @Override
    default String recordKey() {
        return invitationId();
    }
}
