package io.tally.customer.invitation;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The invitations of each platform with their status; also tells the expiry sweep what is due. The only writer of
 * the invitations table.
 */
@Component
@ProcessingGroup(InvitationProjection.PROCESSING_GROUP)
class InvitationProjection {

    static final String PROCESSING_GROUP = "invitations";

    @Bean
    static EventProcessors invitationsProcessor() {
        return EventProcessors.builder().tracking(PROCESSING_GROUP, 1).build();
    }

    private final JdbcTemplate jdbc;

    InvitationProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation as the admin sees it; a pending one past its expiry reads as EXPIRED at once. */
    public record InvitationView(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "7c9e6679-7425-40de-944b-e07fc1f90ae7")
            String id,
            @Schema(description = "The only email that may register with it; left out for a link anyone may use.",
                    example = "ops@acme.example")
            String email,
            @Schema(requiredMode = RequiredMode.REQUIRED,
                    description = "A PENDING invitation past its expiry reads as EXPIRED at once. LOCKED: closed"
                            + " after " + Invitation.REFUSED_REGISTRATIONS_LIMIT + " registrations with it were"
                            + " refused because their address already has an account on the platform; the link is"
                            + " refused from then on, as a used one is.",
                    example = "ACCEPTED")
            InvitationStatus status,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-08T09:00:00Z")
            Instant issuedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "2026-01-15T09:00:00Z")
            Instant expiresAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    description = "The issuing admin's account id.", example = "5b1e0c3a-2f4d-4a8e-b6c7-9d0e1f2a3b4c")
            String issuedBy,
            @Schema(format = "uuid", description = "The customer who registered with it; left out unless ACCEPTED.",
                    example = "3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42")
            String customerId,
            @Schema(description = "When it was accepted, revoked, expired or locked; left out while PENDING, and for"
                    + " one read as EXPIRED before the expiry sweep closed it.", example = "2026-01-15T09:30:00Z")
            Instant closedAt,
            @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "0",
                    maximum = "" + Invitation.REFUSED_REGISTRATIONS_LIMIT,
                    description = "Registrations with it that were refused because their address already has an"
                            + " account on the platform (the owner of the address was told by mail); reaching "
                            + Invitation.REFUSED_REGISTRATIONS_LIMIT + " locks it.",
                    example = "0")
            int refusedRegistrations) {
    }

    @EventHandler
    void on(InvitationIssuedEvent event, @Timestamp Instant issuedAt, @MetaDataValue("actor") String actor) {
        jdbc.update("""
                        INSERT INTO invitations (invitation_id, platform_id, email, status, issued_at, expires_at,
                                                 issued_by)
                        VALUES (?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT (invitation_id) DO NOTHING""",
                UUID.fromString(event.invitationId()), UUID.fromString(event.platformId()), event.email(),
                java.sql.Timestamp.from(issuedAt), java.sql.Timestamp.from(event.expiresAt()), actor);
    }

    @EventHandler
    void on(InvitationAcceptedEvent event, @Timestamp Instant at) {
        close(event.invitationId(), InvitationStatus.ACCEPTED, at, event.customerId());
    }

    @EventHandler
    void on(InvitationRevokedEvent event, @Timestamp Instant at) {
        close(event.invitationId(), InvitationStatus.REVOKED, at, null);
    }

    @EventHandler
    void on(InvitationExpiredEvent event) {
        close(event.invitationId(), InvitationStatus.EXPIRED, event.expiredAt(), null);
    }

    @EventHandler
    void on(InvitationRefusalCountedEvent event) {
        jdbc.update("UPDATE invitations SET refused_registrations = ? WHERE invitation_id = ?",
                event.refusedRegistrations(), UUID.fromString(event.invitationId()));
    }

    @EventHandler
    void on(InvitationLockedEvent event, @Timestamp Instant at) {
        close(event.invitationId(), InvitationStatus.LOCKED, at, null);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE invitations");
    }

    List<InvitationView> list(String platformId, Optional<InvitationStatus> status, Instant now, int limit,
                                     int offset) {
        String statusFilter = status.map(s -> switch (s) {
            case PENDING -> " AND status = 'PENDING' AND expires_at > ?";
            case EXPIRED -> " AND (status = 'EXPIRED' OR (status = 'PENDING' AND expires_at <= ?))";
            default -> " AND status = '" + s.name() + "'";
        }).orElse("");
        List<Object> arguments = new ArrayList<>(List.of(UUID.fromString(platformId)));
        if (statusFilter.contains("?")) {
            arguments.add(java.sql.Timestamp.from(now));
        }
        arguments.addAll(List.of(limit, offset));
        return jdbc.query("SELECT * FROM invitations WHERE platform_id = ?" + statusFilter
                        + " ORDER BY issued_at DESC, invitation_id DESC LIMIT ? OFFSET ?",
                (rs, n) -> view(rs, now), arguments.toArray());
    }

    Optional<InvitationView> find(String platformId, String invitationId, Instant now) {
        return jdbc.query("SELECT * FROM invitations WHERE platform_id = ? AND invitation_id = ?",
                (rs, n) -> view(rs, now), UUID.fromString(platformId), UUID.fromString(invitationId))
                .stream().findFirst();
    }

    private static InvitationView view(ResultSet rs, Instant now) throws SQLException {
        InvitationStatus stored = InvitationStatus.valueOf(rs.getString("status"));
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        boolean lapsed = stored == InvitationStatus.PENDING && !now.isBefore(expiresAt);
        java.sql.Timestamp closedAt = rs.getTimestamp("closed_at");
        return new InvitationView(rs.getString("invitation_id"), rs.getString("email"),
                lapsed ? InvitationStatus.EXPIRED : stored, rs.getTimestamp("issued_at").toInstant(), expiresAt,
                rs.getString("issued_by"), rs.getString("accepted_customer_id"),
                closedAt == null ? null : closedAt.toInstant(), rs.getInt("refused_registrations"));
    }

    /** A pending invitation whose expiry has passed. */
    record Due(String invitationId, String platformId) {
    }

    /** Pending invitations whose expiry has passed, oldest first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.query("""
                        SELECT invitation_id::text, platform_id::text FROM invitations
                         WHERE status = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT ?""",
                (rs, n) -> new Due(rs.getString(1), rs.getString(2)), java.sql.Timestamp.from(now), limit);
    }

    private void close(String invitationId, InvitationStatus status, Instant at, String customerId) {
        jdbc.update("""
                        UPDATE invitations SET status = ?, closed_at = ?, accepted_customer_id = ?::uuid
                         WHERE invitation_id = ?""",
                status.name(), java.sql.Timestamp.from(at), customerId, UUID.fromString(invitationId));
    }
}
