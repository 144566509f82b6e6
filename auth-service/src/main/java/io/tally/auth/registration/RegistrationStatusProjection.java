package io.tally.auth.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.contracts.customer.RegistrationRejectionReason;
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
 * COMPLETED or REJECTED with the reason ({@value #NOT_DECIDED} when nobody decided in time). Subscribing, like the
 * login read model, so that a registration's status exists as soon as its submission is answered.
 *
 * <p>The resource is anonymous: whoever holds an invitation link for anyone could register address after address and
 * read here which ones already have an account on the platform. So a registration refused for that reason
 * (EMAIL_TAKEN) is shown exactly as one that went through: COMPLETED, with the same fields, its decision arriving the
 * same way; neither shows a customer id. Each mails the address (a verification link, or a notice that the address
 * has an account), so only its owner learns which it was. The table keeps what was decided.
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

    /** {@code reason} when REJECTED. */
    @Schema(example = """
            {"id": "c56a4180-65aa-42ec-a945-5fd21dec0538", "status": "COMPLETED",
             "submittedAt": "2026-01-15T09:29:58.731Z", "decidedAt": "2026-01-15T09:29:59.044Z"}""")
    public record RegistrationStatus(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "c56a4180-65aa-42ec-a945-5fd21dec0538")
            String id,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = {"PENDING", "COMPLETED", "REJECTED"},
                    description = "PENDING until customer-service decides. COMPLETED: the registration went through"
                            + " and a mail is on its way to the address. A registration refused because the address"
                            + " already has an account on the platform reads as COMPLETED too, with the same fields:"
                            + " the mail tells the owner of the address instead, so that the link does not tell its"
                            + " holder which addresses have accounts. REJECTED: refused, for the `reason`.",
                    example = "COMPLETED")
            String status,
            @Schema(allowableValues = {"INVITATION_UNKNOWN", "INVITATION_USED", "INVITATION_EXPIRED",
                    "INVITATION_REVOKED", "EMAIL_MISMATCH", "INVALID_SUBMISSION", NOT_DECIDED},
                    description = "Why it was rejected (" + NOT_DECIDED + ": no decision in time); left out unless"
                            + " REJECTED.", example = "INVITATION_USED")
            String reason,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-15T09:29:58.731Z")
            Instant submittedAt,
            @Schema(description = "Left out while PENDING.", example = "2026-01-15T09:29:59.044Z")
            Instant decidedAt) {

        /**
         * What the anonymous caller is shown of a registration decided so: an address that has an account already
         * reads as a registration that went through (see the class).
         */
        static RegistrationStatus shown(String id, String status, String reason, Instant submittedAt,
                                        Instant decidedAt) {
            if ("REJECTED".equals(status) && RegistrationRejectionReason.EMAIL_TAKEN.name().equals(reason)) {
                return new RegistrationStatus(id, "COMPLETED", null, submittedAt, decidedAt);
            }
            return new RegistrationStatus(id, status, reason, submittedAt, decidedAt);
        }
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
                        SELECT registration_id, status, reason, submitted_at, decided_at
                        FROM registrations WHERE registration_id = ?""",
                (row, index) -> {
                    Timestamp decided = row.getTimestamp("decided_at");
                    return RegistrationStatus.shown(row.getString("registration_id"), row.getString("status"),
                            row.getString("reason"), row.getTimestamp("submitted_at").toInstant(),
                            decided == null ? null : decided.toInstant());
                }, registrationId).stream().findFirst();
    }
}
