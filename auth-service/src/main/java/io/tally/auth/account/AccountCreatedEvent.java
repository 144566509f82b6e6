package io.tally.auth.account;

/**
 * An operator account came into being with its password hash. Internal to auth-service: it
 * has no CloudEvents type, so the hash stays in the event store and never reaches Kafka.
 */
public record AccountCreatedEvent(String accountId, AccountRole role, String platformId, String username,
                                  String passwordHash) {
}
