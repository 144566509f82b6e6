package io.tally.auth.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Too many failed sign-ins locked the account's username until {@code lockedUntil}: published as LoginLocked. */
public record LockLoginCommand(@TargetAggregateIdentifier String accountId, Instant lockedUntil, int failures) {
}
