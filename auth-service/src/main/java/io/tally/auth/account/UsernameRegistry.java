package io.tally.auth.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.UUID;

/**
 * Set validation for usernames, ignoring case, claimed in the creating command's transaction.
 * Operator accounts (the provider and every platform admin) share one scope, the all-zero
 * UUID: an admin's username is unique across platforms, so an operator signs in with the
 * username alone, without naming a platform. A customer's username is their email, unique
 * within their platform, whose id is the scope: customers name their platform to sign in.
 */
@Component
public class UsernameRegistry {

    static final UUID OPERATOR_SCOPE = new UUID(0L, 0L);

    private final JdbcTemplate jdbc;

    UsernameRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when nobody in the role's scope had the username and it now belongs to the account. */
    boolean claim(AccountRole role, String platformId, String username, String accountId) {
        return jdbc.update("""
                        INSERT INTO account_usernames (scope_id, username_key, account_id) VALUES (?, ?, ?)
                        ON CONFLICT (scope_id, username_key) DO NOTHING""",
                scope(role, platformId), key(username), UUID.fromString(accountId)) == 1;
    }

    boolean isTaken(AccountRole role, String platformId, String username) {
        Boolean taken = jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM account_usernames WHERE scope_id = ? AND username_key = ?)",
                Boolean.class, scope(role, platformId), key(username));
        return Boolean.TRUE.equals(taken);
    }

    static UUID scope(AccountRole role, String platformId) {
        return role == AccountRole.CUSTOMER ? UUID.fromString(platformId) : OPERATOR_SCOPE;
    }

    /** The form in which usernames are compared: stripped and in lower case. */
    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
