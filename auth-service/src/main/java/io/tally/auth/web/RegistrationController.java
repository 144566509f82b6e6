package io.tally.auth.web;

import io.tally.auth.command.Commands.SubmitRegistrationCommand;
import io.tally.auth.command.PasswordPolicy;
import io.tally.auth.command.Rejections.RegistrationNotFoundException;
import io.tally.auth.command.Rejections.RegistrationRefusedException;
import io.tally.auth.query.InvitationsView;
import io.tally.auth.query.InvitationsView.KnownInvitation;
import io.tally.auth.query.RegistrationStatusProjection;
import io.tally.auth.query.RegistrationStatusProjection.RegistrationStatus;
import io.tally.service.security.Secrets;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Dispatcher;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * Public registration through an invitation link. auth-service checks the password policy and
 * the link against its own view of the invitations, keeps the password's hash aside, publishes
 * RegistrationSubmitted and answers 202 with a status resource; customer-service decides, and
 * the status becomes COMPLETED with the customer's id or REJECTED with the reason.
 */
@RestController
@RequestMapping("/api/v1/public/registrations")
public class RegistrationController {

    /** As customer-service accepts it: something@domain.tld, no spaces or control characters. */
    static final String EMAIL = "^[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$";

    private final InvitationsView invitations;
    private final RegistrationStatusProjection registrations;
    private final Dispatcher dispatcher;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    public RegistrationController(InvitationsView invitations, RegistrationStatusProjection registrations,
                                  Dispatcher dispatcher, PasswordEncoder passwordEncoder, Clock clock) {
        this.invitations = invitations;
        this.registrations = registrations;
        this.dispatcher = dispatcher;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public record RegistrationRequest(@NotBlank @Size(max = 100) String invitationToken,
                                      @NotBlank @Size(max = 254) @Pattern(regexp = EMAIL) String email,
                                      @NotBlank @Size(max = 100) String teamName,
                                      @NotNull String password) {
    }

    @PostMapping
    public ResponseEntity<RegistrationStatus> submit(@Valid @RequestBody RegistrationRequest request) {
        String email = request.email().strip();
        String teamName = request.teamName().strip();
        if (teamName.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("teamName", "control_character",
                    "teamName must not contain control characters.");
        }
        PasswordPolicy.check("password", request.password(), email);
        KnownInvitation invitation = usableInvitation(request.invitationToken().strip(), email);
        String registrationId = UUID.randomUUID().toString();
        dispatcher.send(new SubmitRegistrationCommand(registrationId, invitation.invitationId(),
                invitation.platformId(), email, teamName, passwordEncoder.encode(request.password())), null);
        return ResponseEntity.accepted().location(URI.create("/api/v1/public/registrations/" + registrationId))
                .body(registrations.find(UUID.fromString(registrationId)).orElseThrow());
    }

    @GetMapping("/{registrationId}")
    public RegistrationStatus status(@PathVariable String registrationId) {
        UUID id;
        try {
            id = UUID.fromString(registrationId);
        } catch (IllegalArgumentException malformed) {
            throw new RegistrationNotFoundException(registrationId);
        }
        return registrations.find(id).orElseThrow(() -> new RegistrationNotFoundException(registrationId));
    }

    private KnownInvitation usableInvitation(String token, String email) {
        KnownInvitation invitation = invitations.findByTokenSha256(Secrets.sha256(token))
                .orElseThrow(() -> refused("invitation_unknown", "This invitation link is not known."));
        switch (invitation.status()) {
            case "ACCEPTED" -> throw refused("invitation_used", "This invitation link was already used.");
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
