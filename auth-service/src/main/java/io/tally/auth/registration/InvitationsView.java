package io.tally.auth.registration;

import io.tally.auth.account.CustomerCredentialsIntake;
import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * auth-service's own view of invitations, from customer-service's invitation facts: enough to
 * refuse a registration with a link that is unknown, used, expired, revoked or locked before anything
 * is submitted. customer-service judges every submission again: this view may be a moment
 * behind.
 */
@Component
@ProcessingGroup(CustomerCredentialsIntake.PROCESSING_GROUP)
class InvitationsView {

    private final JdbcTemplate jdbc;

    InvitationsView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code email} is null when the invitation accepts any email. */
    public record KnownInvitation(String invitationId, String platformId, String email, Instant expiresAt,
                                  String status) {
    }

    @EventHandler
    void on(InvitationIssuedEvent event) {
        jdbc.update("""
                        INSERT INTO invitations_view (invitation_id, platform_id, email, token_sha256, expires_at, status)
                        VALUES (?, ?, ?, ?, ?, 'ISSUED') ON CONFLICT (invitation_id) DO NOTHING""",
                UUID.fromString(event.invitationId()), UUID.fromString(event.platformId()), event.email(),
                event.tokenSha256(), Timestamp.from(event.expiresAt()));
    }

    @EventHandler
    void on(InvitationAcceptedEvent event) {
        setStatus(event.invitationId(), "ACCEPTED");
    }

    @EventHandler
    void on(InvitationExpiredEvent event) {
        setStatus(event.invitationId(), "EXPIRED");
    }

    @EventHandler
    void on(InvitationRevokedEvent event) {
        setStatus(event.invitationId(), "REVOKED");
    }

    @EventHandler
    void on(InvitationLockedEvent event) {
        setStatus(event.invitationId(), "LOCKED");
    }

    private void setStatus(String invitationId, String status) {
        jdbc.update("UPDATE invitations_view SET status = ? WHERE invitation_id = ?", status,
                UUID.fromString(invitationId));
    }

    Optional<KnownInvitation> findByTokenSha256(String tokenSha256) {
        return jdbc.query("""
                        SELECT invitation_id, platform_id, email, expires_at, status FROM invitations_view
                        WHERE token_sha256 = ?""",
                (row, index) -> new KnownInvitation(row.getString("invitation_id"), row.getString("platform_id"),
                        row.getString("email"), row.getTimestamp("expires_at").toInstant(), row.getString("status")),
                tokenSha256).stream().findFirst();
    }
}
