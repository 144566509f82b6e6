package io.tally.auth.registration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The password hashes of submitted registrations, until customer-service decides: taken into
 * the customer's credential when registered, deleted when rejected. Written and deleted in the
 * transactions of the commands and of the consumed decisions.
 */
@Component
class PendingPasswords {

    private final JdbcTemplate jdbc;

    PendingPasswords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void keep(String registrationId, String passwordHash) {
        jdbc.update("INSERT INTO pending_registration_passwords (registration_id, password_hash) VALUES (?, ?)",
                UUID.fromString(registrationId), passwordHash);
    }

    /** The hash, removed: it is the caller's to use once. */
    Optional<String> take(String registrationId) {
        return jdbc.queryForList("""
                        DELETE FROM pending_registration_passwords WHERE registration_id = ?
                        RETURNING password_hash""", String.class, UUID.fromString(registrationId))
                .stream().findFirst();
    }
}
