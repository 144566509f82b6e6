package io.tally.auth.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer's state, as customer-service decided it: disabled customers cannot sign in. */
record SetAccountEnabledCommand(@TargetAggregateIdentifier String accountId, boolean enabled) {
}
