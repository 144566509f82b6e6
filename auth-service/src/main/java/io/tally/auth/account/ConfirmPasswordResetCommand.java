package io.tally.auth.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The admin confirms the generated password: it becomes the customer's, and their sessions end. */
record ConfirmPasswordResetCommand(@TargetAggregateIdentifier String accountId, String platformId,
                                   String resetId) {
}
