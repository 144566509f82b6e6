package io.tally.auth.account;

import io.tally.auth.session.SessionAccount;
import io.tally.auth.session.Sessions;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The login read model: one row per account with its role, platform, password hash, state and
 * the instant before which its sessions ended. Its processor is subscribing (see
 * application.yml), so a row changes in the very transaction that stores the account's event:
 * an account can sign in as soon as its creation is answered, a new password works as soon as
 * it is confirmed, and ended sessions cannot be refreshed a moment later. A tracking processor
 * would leave a window for each.
 */
@Component
@ProcessingGroup(AccountCredentialsProjection.PROCESSING_GROUP)
public class AccountCredentialsProjection {

    static final String PROCESSING_GROUP = "account-credentials";

    /**
     * Sign-in must see an account as soon as its creation is accepted: the credentials row is written in
     * the creating command's transaction.
     */
    @Bean
    static EventProcessors accountCredentialsProcessor() {
        return EventProcessors.builder().subscribing(PROCESSING_GROUP).build();
    }

    private static final String COLUMNS = "account_id, role, platform_id, username_key, password_hash, enabled, sessions_not_before";
    private static final RowMapper<AccountCredentials> ROW = (row, index) -> {
        Timestamp notBefore = row.getTimestamp("sessions_not_before");
        return new AccountCredentials(row.getString("account_id"), AccountRole.valueOf(row.getString("role")),
                row.getString("platform_id"), row.getString("username_key"), row.getString("password_hash"),
                row.getBoolean("enabled"),
                notBefore == null ? null : notBefore.toInstant());
    };

    private final JdbcTemplate jdbc;
    private final Sessions sessions;

    AccountCredentialsProjection(JdbcTemplate jdbc, Sessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    /**
     * What sign-in needs to know about an account; {@code usernameKey} is the username in lower
     * case (a customer's email). {@code passwordHash} is null while a
     * customer has no password; {@code sessionsNotBefore} is null while no session has ended.
     */
    public record AccountCredentials(String accountId, AccountRole role, String platformId, String usernameKey,
                                     String passwordHash, boolean enabled, Instant sessionsNotBefore)
            implements SessionAccount {

        @Override
        public String roleName() {
            return role.name();
        }
    }

    @EventHandler
    void on(AccountCreatedEvent event) {
        jdbc.update("""
                        INSERT INTO account_credentials (account_id, role, platform_id, username_key, password_hash)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (account_id) DO NOTHING""",
                UUID.fromString(event.accountId()), event.role().name(),
                event.platformId() == null ? null : UUID.fromString(event.platformId()),
                UsernameRegistry.key(event.username()), event.passwordHash());
    }

    @EventHandler
    void on(PasswordChangedEvent event) {
        jdbc.update("UPDATE account_credentials SET password_hash = ? WHERE account_id = ?",
                event.passwordHash(), UUID.fromString(event.accountId()));
    }

    @EventHandler
    void on(AccountEnabledChangedEvent event) {
        jdbc.update("UPDATE account_credentials SET enabled = ? WHERE account_id = ?",
                event.enabled(), UUID.fromString(event.accountId()));
    }

    /**
     * Later access tokens must be newer; the account's refresh tokens die with its sessions, in this same
     * transaction (the session slice owns them).
     */
    @EventHandler
    void on(SessionsRevokedEvent event) {
        jdbc.update("""
                        UPDATE account_credentials SET sessions_not_before = GREATEST(sessions_not_before, ?)
                        WHERE account_id = ?""", Timestamp.from(event.notBefore()), UUID.fromString(event.subject()));
        sessions.endAll(event.subject(), event.notBefore());
    }

    /** An operator (provider or platform admin) by username, ignoring case. */
    public Optional<AccountCredentials> findOperator(String username) {
        return jdbc.query("SELECT " + COLUMNS + """
                         FROM account_credentials
                        WHERE username_key = ? AND role IN ('PROVIDER', 'PLATFORM_ADMIN')""",
                ROW, UsernameRegistry.key(username)).stream().findFirst();
    }

    /** A customer of the platform by username (their email), ignoring case. */
    public Optional<AccountCredentials> findCustomer(UUID platformId, String username) {
        return jdbc.query("SELECT " + COLUMNS + """
                         FROM account_credentials
                        WHERE username_key = ? AND platform_id = ? AND role = 'CUSTOMER'""",
                ROW, UsernameRegistry.key(username), platformId).stream().findFirst();
    }

    public Optional<AccountCredentials> find(String accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account_credentials WHERE account_id = ?",
                ROW, UUID.fromString(accountId)).stream().findFirst();
    }

    boolean providerExists() {
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account_credentials WHERE role = 'PROVIDER')", Boolean.class);
        return Boolean.TRUE.equals(exists);
    }
}
