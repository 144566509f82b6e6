package io.tally.auth.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The account holder chose a new password (the current one already checked); other sessions end. */
record ChangePasswordCommand(@TargetAggregateIdentifier String accountId, String passwordHash) {
}
