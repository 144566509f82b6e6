package io.tally.auth.account;

/** A customer was enabled or disabled by customer-service. Internal to auth-service: it has no CloudEvents type. */
public record AccountEnabledChangedEvent(String accountId, boolean enabled) {
}
