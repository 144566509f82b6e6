package io.tally.customer.invitation;

import io.tally.customer.invitation.InvitationProjection.InvitationView;
import io.tally.customer.invitation.Invitations.IssuedInvitation;
import io.tally.service.web.Caller;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Invitation links: issue (the link is shown once), list by status, revoke. */
@RestController
@RequestMapping("/api/v1/invitations")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    public record InvitationList(List<InvitationView> items) {
    }

    @PostMapping
    public ResponseEntity<IssuedInvitation> issue(@AuthenticationPrincipal Jwt jwt,
                                                  @Valid @RequestBody(required = false) InvitationRequest request) {
        IssuedInvitation issued = invitations.issue(Caller.of(jwt), request);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.id())).body(issued);
    }

    @GetMapping
    public InvitationList list(@AuthenticationPrincipal Jwt jwt,
                               @RequestParam(required = false) InvitationStatus status,
                               @RequestParam(required = false) String limit,
                               @RequestParam(required = false) String offset) {
        return new InvitationList(invitations.list(Caller.of(jwt), status, limit, offset));
    }

    @GetMapping("/{invitationId}")
    public InvitationView find(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        return invitations.find(Caller.of(jwt), invitationId);
    }

    @DeleteMapping("/{invitationId}")
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        invitations.revoke(Caller.of(jwt), invitationId);
        return ResponseEntity.noContent().build();
    }
}
