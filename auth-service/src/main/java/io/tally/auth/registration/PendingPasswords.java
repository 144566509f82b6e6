package io.tally.auth.registration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The password hashes of submitted registrations, until customer-service decides: taken into
 * the customer's credential when registered, deleted when rejected or when nobody decided in time. Written and
 * deleted in the transactions of the commands and of the consumed decisions (the expiry's handler is subscribing,
 * so it runs in the expiring command's transaction).
 */
@Component
@ProcessingGroup(RegistrationStatusProjection.PROCESSING_GROUP)
class PendingPasswords {

    private final JdbcTemplate jdbc;

    PendingPasswords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void keep(String registrationId, String passwordHash) {
        jdbc.update("INSERT INTO pending_registration_passwords (registration_id, password_hash) VALUES (?, ?)",
                UUID.fromString(registrationId), passwordHash);
    }

    /** Nobody decided in time: the hash is not kept any longer. A decision arriving later finds none. */
    @EventHandler
    void on(RegistrationExpiredEvent event) {
        take(event.registrationId());
    }

    /** The hash, removed: it is the caller's to use once. */
    Optional<String> take(String registrationId) {
        return jdbc.queryForList("""
                        DELETE FROM pending_registration_passwords WHERE registration_id = ?
                        RETURNING password_hash""", String.class, UUID.fromString(registrationId))
                .stream().findFirst();
    }
}
