package io.tally.auth.query;

import io.tally.auth.command.AccountCreatedEvent;
import io.tally.auth.command.AccountRole;
import io.tally.auth.command.UsernameRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The login read model: one row per account with its role, platform and password hash.
 * Its processor is subscribing (see application.yml), so the row is written in the very
 * transaction that stores the account's creation: an account can sign in as soon as its
 * creation is answered, and a failed write rolls the creation back. A tracking processor
 * would leave a window in which a just-created admin is refused.
 */
@Component
@ProcessingGroup(AccountCredentialsProjection.PROCESSING_GROUP)
public class AccountCredentialsProjection {

    static final String PROCESSING_GROUP = "account-credentials";

    private final JdbcTemplate jdbc;

    public AccountCredentialsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What login needs to know about an account. */
    public record AccountCredentials(String accountId, AccountRole role, String platformId, String passwordHash) {
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

    /** An operator (provider or platform admin) by username, ignoring case. */
    public Optional<AccountCredentials> findOperator(String username) {
        return jdbc.query("""
                        SELECT account_id, role, platform_id, password_hash FROM account_credentials
                        WHERE username_key = ? AND role IN ('PROVIDER', 'PLATFORM_ADMIN')""",
                (row, index) -> new AccountCredentials(row.getString("account_id"),
                        AccountRole.valueOf(row.getString("role")), row.getString("platform_id"),
                        row.getString("password_hash")),
                UsernameRegistry.key(username)).stream().findFirst();
    }

    public boolean providerExists() {
        Boolean exists = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account_credentials WHERE role = 'PROVIDER')", Boolean.class);
        return Boolean.TRUE.equals(exists);
    }
}
