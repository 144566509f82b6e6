package io.tally.customer.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the expiry sweep for a pending invitation whose time has come. */
record ExpireInvitationCommand(@TargetAggregateIdentifier String invitationId) {
}
