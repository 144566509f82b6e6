package io.tally.auth.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A platform admin asks for a generated password for one of the platform's customers. */
record GeneratePasswordResetCommand(@TargetAggregateIdentifier String accountId, String platformId,
                                    String resetId, String passwordHash) {
}
