package io.tally.auth.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The status resource of public registrations: PENDING until customer-service decides, then
 * COMPLETED with the customer's id or REJECTED with the reason ({@value #NOT_DECIDED} when nobody decided in
 * time). Subscribing, like the login read model, so that a registration's status exists as soon as its submission
 * is answered.
 */
@Component
@ProcessingGroup(RegistrationStatusProjection.PROCESSING_GROUP)
class RegistrationStatusProjection {

    static final String PROCESSING_GROUP = "registration-status";

    /**
     * The reason of a registration auth-service ended because no decision arrived in time. Not one of
     * customer-service's {@code RegistrationRejectionReason}s: the published contract does not know it.
     */
    static final String NOT_DECIDED = "NOT_DECIDED";

    /** A registration's status is current when its submission answers. */
    @Bean
    static EventProcessors registrationStatusProcessor() {
        return EventProcessors.builder().subscribing(PROCESSING_GROUP).build();
    }

    private final JdbcTemplate jdbc;

    RegistrationStatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code customerId} when COMPLETED, {@code reason} when REJECTED. */
    @Schema(example = """
            {"id": "c56a4180-65aa-42ec-a945-5fd21dec0538", "status": "COMPLETED",
             "customerId": "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42", "submittedAt": "2026-01-15T09:29:58.731Z",
             "decidedAt": "2026-01-15T09:29:59.044Z"}""")
    public record RegistrationStatus(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "c56a4180-65aa-42ec-a945-5fd21dec0538")
            String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"PENDING", "COMPLETED", "REJECTED"},
                    description = "PENDING until customer-service decides.", example = "COMPLETED")
            String status,
            @Schema(format = "uuid", description = "The new customer's id; left out unless COMPLETED.",
                    example = "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")
            String customerId,
            @Schema(allowableValues = {"INVITATION_UNKNOWN", "INVITATION_USED", "INVITATION_EXPIRED",
                    "INVITATION_REVOKED", "EMAIL_TAKEN", "EMAIL_MISMATCH", "INVALID_SUBMISSION", NOT_DECIDED},
                    description = "Why it was rejected (" + NOT_DECIDED + ": no decision in time); left out unless"
                            + " REJECTED.", example = "EMAIL_TAKEN")
            String reason,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-15T09:29:58.731Z")
            Instant submittedAt,
            @Schema(description = "Left out while PENDING.", example = "2026-01-15T09:29:59.044Z")
            Instant decidedAt) {
    }

    /** A registration still waiting for a decision, for the sweep. */
    record Undecided(String registrationId, String platformId) {
    }

    @EventHandler
    void on(RegistrationReceivedEvent event) {
        jdbc.update("""
                        INSERT INTO registrations (registration_id, invitation_id, platform_id, status, submitted_at)
                        VALUES (?, ?, ?, 'PENDING', ?) ON CONFLICT (registration_id) DO NOTHING""",
                UUID.fromString(event.registrationId()), UUID.fromString(event.invitationId()),
                UUID.fromString(event.platformId()), Timestamp.from(event.submittedAt()));
    }

    @EventHandler
    void on(RegistrationCompletedEvent event) {
        jdbc.update("""
                        UPDATE registrations SET status = 'COMPLETED', customer_id = ?, decided_at = ?
                        WHERE registration_id = ?""",
                UUID.fromString(event.customerId()), Timestamp.from(event.decidedAt()),
                UUID.fromString(event.registrationId()));
    }

    @EventHandler
    void on(RegistrationRefusedEvent event) {
        jdbc.update("""
                        UPDATE registrations SET status = 'REJECTED', reason = ?, decided_at = ?
                        WHERE registration_id = ?""",
                event.reason().name(), Timestamp.from(event.decidedAt()), UUID.fromString(event.registrationId()));
    }

    @EventHandler
    void on(RegistrationExpiredEvent event) {
        jdbc.update("""
                        UPDATE registrations SET status = 'REJECTED', reason = ?, decided_at = ?
                        WHERE registration_id = ?""",
                NOT_DECIDED, Timestamp.from(event.decidedAt()), UUID.fromString(event.registrationId()));
    }

    /** The registrations still PENDING that were submitted at or before {@code submittedBy}, oldest first. */
    List<Undecided> undecidedSince(Instant submittedBy, int limit) {
        return jdbc.query("""
                        SELECT registration_id, platform_id FROM registrations
                        WHERE status = 'PENDING' AND submitted_at <= ?
                        ORDER BY submitted_at LIMIT ?""",
                (row, index) -> new Undecided(row.getString("registration_id"), row.getString("platform_id")),
                Timestamp.from(submittedBy), limit);
    }

    Optional<RegistrationStatus> find(UUID registrationId) {
        return jdbc.query("""
                        SELECT registration_id, status, customer_id, reason, submitted_at, decided_at
                        FROM registrations WHERE registration_id = ?""",
                (row, index) -> {
                    Timestamp decided = row.getTimestamp("decided_at");
                    return new RegistrationStatus(row.getString("registration_id"), row.getString("status"),
                            row.getString("customer_id"), row.getString("reason"),
                            row.getTimestamp("submitted_at").toInstant(),
                            decided == null ? null : decided.toInstant());
                }, registrationId).stream().findFirst();
    }
}
