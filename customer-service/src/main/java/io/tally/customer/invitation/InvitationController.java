package io.tally.customer.invitation;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.tally.customer.invitation.InvitationProjection.InvitationView;
import io.tally.customer.invitation.Invitations.IssuedInvitation;
import io.tally.service.web.Caller;
import jakarta.validation.Valid;
import org.springframework.http.HttpHeaders;
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

    public record InvitationList(
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Newest first; empty when none match.")
            List<InvitationView> items) {
    }

    @PostMapping
    @Operation(summary = "Invite a customer", operationId = "issueInvitation")
    @ApiResponse(responseCode = "201", description = "The invitation with its link, shown only here.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The invitation.",
                    schema = @Schema(type = "string", format = "uri-reference",
                            example = "/api/v1/invitations/7c9e6679-7425-40de-944b-e07fc1f90ae7")))
    public ResponseEntity<IssuedInvitation> issue(@AuthenticationPrincipal Jwt jwt,
                                                  @Valid @RequestBody(required = false) InvitationRequest request) {
        IssuedInvitation issued = invitations.issue(Caller.of(jwt), request);
        return ResponseEntity.created(URI.create("/api/v1/invitations/" + issued.id())).body(issued);
    }

    @GetMapping
    @Operation(summary = "List the platform's invitations", operationId = "listInvitations")
    public InvitationList list(@AuthenticationPrincipal Jwt jwt,
                               @RequestParam(required = false) InvitationStatus status,
                               @Parameter(schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
                               @RequestParam(required = false) String limit,
                               @Parameter(schema = @Schema(type = "integer", minimum = "0", maximum = "100000"))
                               @RequestParam(required = false) String offset) {
        return new InvitationList(invitations.list(Caller.of(jwt), status, limit, offset));
    }

    @GetMapping("/{invitationId}")
    @Operation(summary = "An invitation", operationId = "getInvitation")
    public InvitationView find(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        return invitations.find(Caller.of(jwt), invitationId);
    }

    @DeleteMapping("/{invitationId}")
    @Operation(summary = "Revoke a pending invitation", operationId = "revokeInvitation")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "409", description = "`invitation_not_pending`: only a pending invitation can be revoked.", content = @Content)
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String invitationId) {
        invitations.revoke(Caller.of(jwt), invitationId);
        return ResponseEntity.noContent().build();
    }
}
