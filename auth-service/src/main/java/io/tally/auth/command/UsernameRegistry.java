package io.tally.auth.command;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Set validation for usernames, ignoring case, claimed in the creating command's transaction.
 * Operator accounts (the provider and every platform admin) share one scope, the all-zero
 * UUID: an admin's username is unique across platforms, so an operator signs in with the
 * username alone, without naming a platform.
 */
@Component
public class UsernameRegistry {

    static final UUID OPERATOR_SCOPE = new UUID(0L, 0L);

    private final JdbcTemplate jdbc;

    public UsernameRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when no operator had the username and it now belongs to the account. */
    public boolean claimForOperator(String username, String accountId) {
        return jdbc.update("""
                        INSERT INTO account_usernames (scope_id, username_key, account_id) VALUES (?, ?, ?)
                        ON CONFLICT (scope_id, username_key) DO NOTHING""",
                OPERATOR_SCOPE, key(username), UUID.fromString(accountId)) == 1;
    }

    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
