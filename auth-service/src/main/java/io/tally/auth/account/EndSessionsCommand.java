package io.tally.auth.account;

import io.tally.contracts.auth.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Every session of the account ends now: sign-out, a reused refresh token. */
public record EndSessionsCommand(@TargetAggregateIdentifier String accountId, SessionRevocationReason reason) {
}
