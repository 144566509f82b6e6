package io.tally.auth.command;

import io.tally.auth.command.Commands.CreateAccountCommand;
import io.tally.auth.command.Rejections.InvalidAccountDataException;
import io.tally.auth.command.Rejections.PlatformNotFoundException;
import io.tally.auth.command.Rejections.UsernameTakenException;
import io.tally.contracts.auth.PlatformAdminCreatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An operator's account: the provider's (no platform) or a platform admin's. Its password
 * hash is kept in its internal creation event only; what is published names the admin, never
 * a secret.
 */
@Aggregate
public class Account {

    static final int MAX_USERNAME_LENGTH = 254;

    @AggregateIdentifier
    private String accountId;

    protected Account() {
    }

    @CommandHandler
    public Account(CreateAccountCommand command, UsernameRegistry usernames, PlatformNameRegistry platforms) {
        if (command.role() == null) {
            throw new InvalidAccountDataException("role_required", "role", "An account needs a role.");
        }
        String username = validUsername(command.username());
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new InvalidAccountDataException("password_required", "password", "An account needs a password.");
        }
        switch (command.role()) {
            case PROVIDER -> {
                if (command.platformId() != null) {
                    throw new InvalidAccountDataException("provider_without_platform", "platformId",
                            "The provider's account belongs to no platform.");
                }
            }
            case PLATFORM_ADMIN -> {
                if (command.platformId() == null || !platforms.exists(command.platformId())) {
                    throw new PlatformNotFoundException(command.platformId());
                }
            }
        }
        if (!usernames.claimForOperator(username, command.accountId())) {
            throw new UsernameTakenException(username);
        }
        apply(new AccountCreatedEvent(command.accountId(), command.role(), command.platformId(), username,
                command.passwordHash()));
        if (command.role() == AccountRole.PLATFORM_ADMIN) {
            apply(new PlatformAdminCreatedEvent(command.accountId(), command.platformId(), username,
                    GenericEventMessage.clock.instant()));
        }
    }

    private static String validUsername(String requested) {
        String username = requested == null ? "" : requested.strip();
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidAccountDataException("username_length", "username",
                    "A username has 1 to " + MAX_USERNAME_LENGTH + " characters.");
        }
        if (username.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw new InvalidAccountDataException("username_characters", "username",
                    "A username has no spaces or control characters.");
        }
        return username;
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
    }
}
