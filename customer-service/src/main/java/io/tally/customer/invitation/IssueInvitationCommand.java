package io.tally.customer.invitation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Issues an invitation link of the admin's platform, for one email or for anyone; the token is kept as its digest. */
record IssueInvitationCommand(@TargetAggregateIdentifier String invitationId, String platformId, String email,
                              String tokenSha256, Instant expiresAt) {
}
