package io.tally.auth.registration;

import io.tally.auth.account.PasswordPolicy;
import io.tally.auth.registration.InvitationsView.KnownInvitation;
import io.tally.auth.registration.RegistrationStatusProjection.RegistrationStatus;
import io.tally.service.security.Secrets;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Public registration through an invitation link. auth-service checks the team name, the password policy and
 * the link against its own view of the invitations, keeps the password's hash aside and submits; customer-service
 * decides, and the status becomes COMPLETED or REJECTED with the reason; a refusal because the address already has
 * an account reads as COMPLETED (see {@link RegistrationStatusProjection}).
 */
@Service
class Registrations {

    private final InvitationsView invitations;
    private final RegistrationStatusProjection registrations;
    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    Registrations(InvitationsView invitations, RegistrationStatusProjection registrations, Dispatcher dispatcher,
                  PasswordEncoder passwordEncoder, Clock clock) {
        this.invitations = invitations;
        this.registrations = registrations;
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    /** The submitted registration's status (PENDING), or a refusal before anything is submitted. */
    RegistrationStatus submit(String invitationToken, String email, String teamName, String password) {
        String strippedEmail = email.strip();
        String strippedTeamName = teamName.strip();
        if (strippedTeamName.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("teamName", "control_character",
                    "teamName must not contain control characters.");
        }
        PasswordPolicy.check("password", password, strippedEmail);
        KnownInvitation invitation = usableInvitation(invitationToken.strip(), strippedEmail);
        String registrationId = UUID.randomUUID().toString();
        dispatcher.send(new SubmitRegistrationCommand(registrationId, invitation.invitationId(),
                invitation.platformId(), strippedEmail, strippedTeamName, passwordEncoder.encode(password)), null);
        return registrations.find(UUID.fromString(registrationId)).orElseThrow();
    }

    /** {@code registrationId} as the route names it: anything but a known registration's id is not found. */
    RegistrationStatus status(String registrationId) {
        UUID id = Ids.uuidOr(registrationId, RegistrationNotFoundException::new);
        return registrations.find(id).orElseThrow(() -> new RegistrationNotFoundException(registrationId));
    }

    private KnownInvitation usableInvitation(String token, String email) {
        KnownInvitation invitation = invitations.findByTokenSha256(Secrets.sha256(token))
                .orElseThrow(() -> refused("invitation_unknown", "This invitation link is not known."));
        switch (invitation.status()) {
            // A link locked after refusals for taken addresses answers as a used one: telling them apart would tell
            // the holder whether the last address tried was taken.
            case "ACCEPTED", "LOCKED" -> throw refused("invitation_used", "This invitation link was already used.");
            case "REVOKED" -> throw refused("invitation_revoked", "This invitation link was revoked.");
            case "EXPIRED" -> throw refused("invitation_expired", "This invitation link has expired.");
            default -> {
                if (!clock.instant().isBefore(invitation.expiresAt())) {
                    throw refused("invitation_expired", "This invitation link has expired.");
                }
            }
        }
        if (invitation.email() != null
                && !invitation.email().toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))) {
            throw new RegistrationRefusedException("email_mismatch", "email",
                    "This invitation is for another email address.");
        }
        return invitation;
    }

    private static RegistrationRefusedException refused(String code, String message) {
        return new RegistrationRefusedException(code, "invitationToken", message);
    }
}
