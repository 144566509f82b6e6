package io.tally.customer.invitation;

import io.tally.contracts.customer.InvitationAcceptedEvent;
import io.tally.contracts.customer.InvitationExpiredEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.InvitationLockedEvent;
import io.tally.contracts.customer.InvitationRevokedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A single-use invitation link of one platform: pending until accepted, revoked, expired or locked. A link for anyone
 * would otherwise let its holder try address after address and learn from the refusals which ones already have an
 * account; so each registration refused for a taken address counts against the pending link, and reaching
 * {@value #REFUSED_REGISTRATIONS_LIMIT} such refusals locks it. A locked link refuses registrations as a used one does.
 */
@Aggregate
class Invitation {

    /**
     * How many registrations refused for a taken address a pending link survives, the last one locking it. An invitee
     * who already has an account, or mistyped an address that has one, still gets through on a later try; a holder
     * of the link who probes addresses learns about this many at most.
     */
    static final int REFUSED_REGISTRATIONS_LIMIT = 3;

    @AggregateIdentifier
    private String invitationId;
    private String platformId;
    private String email;
    private Instant expiresAt;
    private InvitationStatus status;
    private String acceptedRegistrationId;
    private int refusedRegistrations;

    protected Invitation() {
    }

    @CommandHandler
    public Invitation(IssueInvitationCommand command) {
        if (!command.expiresAt().isAfter(now())) {
            throw new ExpiryInPastException();
        }
        apply(new InvitationIssuedEvent(command.invitationId(), command.platformId(), command.email(),
                command.tokenSha256(), command.expiresAt()));
    }

    @CommandHandler
    public void handle(RevokeInvitationCommand command) {
        if (!platformId.equals(command.platformId())) {
            throw new InvitationNotFoundException(invitationId);
        }
        InvitationStatus current = statusAt(now());
        if (current != InvitationStatus.PENDING) {
            throw new InvitationNotPendingException(invitationId, current);
        }
        apply(new InvitationRevokedEvent(invitationId, platformId));
    }

    /** Sent by the expiry sweep; a no-op when the invitation was closed in the meantime. */
    @CommandHandler
    public void handle(ExpireInvitationCommand command) {
        if (status == InvitationStatus.PENDING && !now().isBefore(expiresAt)) {
            apply(new InvitationExpiredEvent(invitationId, platformId, now()));
        }
    }

    /** Why a registration of this email on this platform may not use the invitation, if it may not. */
    Optional<RegistrationRejectionReason> refusalFor(String registrationPlatformId, String registrationEmail) {
        if (!platformId.equals(registrationPlatformId)) {
            return Optional.of(RegistrationRejectionReason.INVITATION_UNKNOWN);
        }
        return switch (statusAt(now())) {
            case PENDING -> email == null || email.equalsIgnoreCase(registrationEmail)
                    ? Optional.empty()
                    : Optional.of(RegistrationRejectionReason.EMAIL_MISMATCH);
            // A locked link answers as a used one: the lock must not tell which of the addresses tried was taken.
            case ACCEPTED, LOCKED -> Optional.of(RegistrationRejectionReason.INVITATION_USED);
            case EXPIRED -> Optional.of(RegistrationRejectionReason.INVITATION_EXPIRED);
            case REVOKED -> Optional.of(RegistrationRejectionReason.INVITATION_REVOKED);
        };
    }

    boolean acceptedBy(String registrationId) {
        return registrationId.equals(acceptedRegistrationId);
    }

    void accept(String registrationId, String customerId) {
        apply(new InvitationAcceptedEvent(invitationId, platformId, customerId, registrationId));
    }

    /**
     * A registration that named this invitation was refused for {@code reason}. Only a refusal for a taken address
     * (EMAIL_TAKEN) of a pending invitation counts: the others are the link's own rules, which tell nothing about
     * other accounts, and a closed link has nothing left to lock. The count reaching
     * {@value #REFUSED_REGISTRATIONS_LIMIT} locks the invitation.
     */
    void registrationRefused(String registrationId, RegistrationRejectionReason reason) {
        if (reason != RegistrationRejectionReason.EMAIL_TAKEN || statusAt(now()) != InvitationStatus.PENDING) {
            return;
        }
        int refused = refusedRegistrations + 1;
        apply(new InvitationRefusalCountedEvent(invitationId, registrationId, refused));
        if (refused >= REFUSED_REGISTRATIONS_LIMIT) {
            apply(new InvitationLockedEvent(invitationId, platformId, refused));
        }
    }

    private InvitationStatus statusAt(Instant instant) {
        return status == InvitationStatus.PENDING && !instant.isBefore(expiresAt) ? InvitationStatus.EXPIRED : status;
    }

    @EventSourcingHandler
    void on(InvitationIssuedEvent event) {
        invitationId = event.invitationId();
        platformId = event.platformId();
        email = event.email();
        expiresAt = event.expiresAt();
        status = InvitationStatus.PENDING;
    }

    @EventSourcingHandler
    void on(InvitationAcceptedEvent event) {
        status = InvitationStatus.ACCEPTED;
        acceptedRegistrationId = event.registrationId();
    }

    @EventSourcingHandler
    void on(InvitationRevokedEvent event) {
        status = InvitationStatus.REVOKED;
    }

    @EventSourcingHandler
    void on(InvitationExpiredEvent event) {
        status = InvitationStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(InvitationRefusalCountedEvent event) {
        refusedRegistrations = event.refusedRegistrations();
    }

    @EventSourcingHandler
    void on(InvitationLockedEvent event) {
        status = InvitationStatus.LOCKED;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
