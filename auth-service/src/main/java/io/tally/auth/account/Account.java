package io.tally.auth.account;

import io.tally.auth.platform.PlatformNameRegistry;
import io.tally.contracts.auth.LoginLockedEvent;
import io.tally.contracts.auth.PasswordResetEvent;
import io.tally.contracts.auth.PlatformAdminCreatedEvent;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An account that can sign in: the provider's (no platform), a platform admin's, or a
 * customer's (scoped by its platform, with the customer's id as its own). Password hashes are
 * kept in internal events only; what is published never carries a secret.
 *
 * <p>A customer's password resets are part of the account, not aggregates of their own: a
 * confirmation must change the password and end the sessions in one transaction, and only the
 * latest generated password may ever be confirmed. One aggregate gives both without a saga.
 */
@Aggregate
class Account {

    static final int MAX_USERNAME_LENGTH = 254;
    /** A generated password that is not confirmed within this time is never usable. */
    static final Duration RESET_LIFETIME = Duration.ofMinutes(10);

    @AggregateIdentifier
    private String accountId;
    private AccountRole role;
    private String platformId;
    private boolean enabled;
    private PendingReset pendingReset;
    private Instant sessionsNotBefore;
    private final Set<String> finishedResets = new HashSet<>();

    private record PendingReset(String resetId, String passwordHash, Instant expiresAt) {
    }

    protected Account() {
    }

    @CommandHandler
    public Account(CreateAccountCommand command, UsernameRegistry usernames, PlatformNameRegistry platforms) {
        if (command.role() == null) {
            throw new InvalidAccountDataException("role_required", "role", "An account needs a role.");
        }
        String username = validUsername(command.username());
        boolean hasPassword = command.passwordHash() != null && !command.passwordHash().isBlank();
        if (!hasPassword && command.role() != AccountRole.CUSTOMER) {
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
            case CUSTOMER -> {
                // The platform is customer-service's word: it created the customer in it.
                if (command.platformId() == null) {
                    throw new PlatformNotFoundException(null);
                }
            }
        }
        if (!usernames.claim(command.role(), command.platformId(), username, command.accountId())) {
            throw new UsernameTakenException(username);
        }
        apply(new AccountCreatedEvent(command.accountId(), command.role(), command.platformId(), username,
                hasPassword ? command.passwordHash() : null));
        if (command.role() == AccountRole.PLATFORM_ADMIN) {
            apply(new PlatformAdminCreatedEvent(command.accountId(), command.platformId(), username, now()));
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

    /** Returns when the generated password expires unless confirmed. */
    @CommandHandler
    public Instant handle(GeneratePasswordResetCommand command) {
        requireCustomerOf(command.platformId());
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new InvalidAccountDataException("password_required", "password", "A reset needs a password.");
        }
        Instant expiresAt = now().plus(RESET_LIFETIME);
        apply(new PasswordResetGeneratedEvent(accountId, command.resetId(), command.passwordHash(), expiresAt));
        return expiresAt;
    }

    @CommandHandler
    public void handle(ConfirmPasswordResetCommand command) {
        requireCustomerOf(command.platformId());
        if (finishedResets.contains(command.resetId())) {
            throw new PasswordResetRefusedException("password_reset_finished",
                    "This generated password was already confirmed or replaced by a newer one.");
        }
        if (pendingReset == null || !pendingReset.resetId().equals(command.resetId())) {
            throw new PasswordResetNotFoundException(command.resetId());
        }
        Instant now = now();
        if (!now.isBefore(pendingReset.expiresAt())) {
            throw new PasswordResetRefusedException("password_reset_expired",
                    "This generated password expired at " + pendingReset.expiresAt() + "; generate a new one.");
        }
        // Applying an event updates this aggregate at once: the confirmed reset is no longer pending after it.
        String confirmedHash = pendingReset.passwordHash();
        apply(new PasswordResetEvent(command.resetId(), accountId, platformId, now));
        apply(new PasswordChangedEvent(accountId, confirmedHash));
        endSessions(now, SessionRevocationReason.PASSWORD_RESET);
    }

    @CommandHandler
    public void handle(ChangePasswordCommand command) {
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new InvalidAccountDataException("password_required", "newPassword", "A new password is needed.");
        }
        apply(new PasswordChangedEvent(accountId, command.passwordHash()));
        endSessions(now(), SessionRevocationReason.PASSWORD_CHANGED);
    }

    /** Idempotent: customer-service's events may name the state the account already has. */
    @CommandHandler
    public void handle(SetAccountEnabledCommand command) {
        if (command.enabled() == enabled) {
            return;
        }
        apply(new AccountEnabledChangedEvent(accountId, command.enabled()));
        if (!command.enabled()) {
            endSessions(now(), SessionRevocationReason.CUSTOMER_DISABLED);
        }
    }

    @CommandHandler
    public void handle(EndSessionsCommand command) {
        endSessions(now(), command.reason());
    }

    @CommandHandler
    public void handle(LockLoginCommand command) {
        apply(new LoginLockedEvent(accountId, platformId, command.lockedUntil(), command.failures()));
    }

    /**
     * Access tokens carry their issue time in whole seconds, and auth-service never issues one
     * dated before the account's last revocation (so such a token may be dated up to a second
     * ahead). The sessions therefore end a second after the later of now and the last
     * revocation, both in whole seconds: every token issued so far is older than that.
     */
    private void endSessions(Instant now, SessionRevocationReason reason) {
        Instant latestIssue = now.truncatedTo(ChronoUnit.SECONDS);
        if (sessionsNotBefore != null && sessionsNotBefore.isAfter(latestIssue)) {
            latestIssue = sessionsNotBefore;
        }
        apply(new SessionsRevokedEvent(accountId, platformId, latestIssue.plusSeconds(1), reason));
    }

    /** Another platform's customer, or an operator, is not found: ids of others reveal nothing. */
    private void requireCustomerOf(String callerPlatformId) {
        if (role != AccountRole.CUSTOMER || !Objects.equals(platformId, callerPlatformId)) {
            throw new AccountNotFoundException(accountId);
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(AccountCreatedEvent event) {
        accountId = event.accountId();
        role = event.role();
        platformId = event.platformId();
        enabled = true;
    }

    @EventSourcingHandler
    void on(PasswordResetGeneratedEvent event) {
        if (pendingReset != null) {
            finishedResets.add(pendingReset.resetId());
        }
        pendingReset = new PendingReset(event.resetId(), event.passwordHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(PasswordResetEvent event) {
        finishedResets.add(event.resetId());
        pendingReset = null;
    }

    @EventSourcingHandler
    void on(SessionsRevokedEvent event) {
        sessionsNotBefore = event.notBefore();
    }

    @EventSourcingHandler
    void on(AccountEnabledChangedEvent event) {
        enabled = event.enabled();
    }
}
