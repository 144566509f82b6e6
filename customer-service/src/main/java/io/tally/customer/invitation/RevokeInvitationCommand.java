package io.tally.customer.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

record RevokeInvitationCommand(@TargetAggregateIdentifier String invitationId, String platformId) {
}
