package io.tally.customer.web;

import io.tally.service.web.Dispatcher;
import io.tally.service.web.Caller;
import io.tally.customer.command.Commands.IssueInvitationCommand;
import io.tally.customer.command.Commands.RevokeInvitationCommand;
import io.tally.customer.command.InvitationStatus;
import io.tally.customer.command.Rejections.InvitationNotFoundException;
import io.tally.service.security.Secrets;
import io.tally.customer.query.InvitationProjection;
import io.tally.customer.query.InvitationProjection.InvitationView;
import io.tally.customer.web.Requests.InvitationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitation links: issue (the link is shown once), list by status, revoke. */
@RestController
@Validated
@RequestMapping("/api/v1/invitations")
public class InvitationController {

    static final int DEFAULT_EXPIRY_DAYS = 7;

    private final Dispatcher dispatcher;
    private final InvitationProjection invitations;
    private final Clock clock;
    private final String publicBaseUrl;

    public InvitationController(Dispatcher dispatcher, InvitationProjection invitations, Clock clock,
                                @Value("${tally.public-base-url}") String publicBaseUrl) {
        this.dispatcher = dispatcher;
        this.invitations = invitations;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** The link, shown only in this answer: the service keeps its digest alone. */
    public record IssuedInvitation(String id, String link, String token, Instant expiresAt) {
    }

    public record InvitationList(List<InvitationView> items) {
    }

    @PostMapping
    public ResponseEntity<IssuedInvitation> issue(@AuthenticationPrincipal Jwt jwt,
                                                  @Valid @RequestBody(required = false) InvitationRequest request) {
        Caller caller = Caller.of(jwt);
        int days = request == null || request.expiresInDays() == null ? DEFAULT_EXPIRY_DAYS : request.expiresInDays();
        String email = request == null || request.email() == null ? null : request.email().strip();
        String invitationId = UUID.randomUUID().toString();
        String token = Secrets.newToken();
        Instant expiresAt = clock.instant().plus(Duration.ofDays(days));
        dispatcher.send(new IssueInvitationCommand(invitationId, caller.platformId(), email, Secrets.sha256(token),
                expiresAt), caller);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + invitationId))
                .body(new IssuedInvitation(invitationId, publicBaseUrl + "/register?invitation=" + token, token,
                        expiresAt));
    }

    @GetMapping
    public InvitationList list(@AuthenticationPrincipal Jwt jwt,
                               @RequestParam(required = false) InvitationStatus status,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int offset) {
        return new InvitationList(invitations.list(Caller.of(jwt).platformId(), Optional.ofNullable(status),
                clock.instant(), limit, offset));
    }

    @GetMapping("/{invitationId}")
    public InvitationView find(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        try {
            return invitations.find(Caller.of(jwt).platformId(), UUID.fromString(invitationId).toString(),
                            clock.instant())
                    .orElseThrow(() -> new InvitationNotFoundException(invitationId));
        } catch (IllegalArgumentException malformed) {
            throw new InvitationNotFoundException(invitationId);
        }
    }

    @DeleteMapping("/{invitationId}")
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        Caller caller = Caller.of(jwt);
        String id;
        try {
            id = UUID.fromString(invitationId).toString();
            dispatcher.send(new RevokeInvitationCommand(id, caller.platformId()), caller);
        } catch (IllegalArgumentException | AggregateNotFoundException notFound) {
            throw new InvitationNotFoundException(invitationId);
        }
        return ResponseEntity.noContent().build();
    }
}
