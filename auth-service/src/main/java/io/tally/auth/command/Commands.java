package io.tally.auth.command;

/** The commands of auth-service: private to it, never published. */
public final class Commands {

    private Commands() {
    }

    /** {@code currency} may be null: a platform keeps its amounts in USD unless told otherwise. */
    public record CreatePlatformCommand(String platformId, String name, String currency) {
    }

    /** {@code platformId} is null for the provider, whose account belongs to no platform. */
    public record CreateAccountCommand(String accountId, AccountRole role, String platformId, String username,
                                       String passwordHash) {
    }
}
