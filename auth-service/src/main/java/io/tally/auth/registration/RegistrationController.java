package io.tally.auth.registration;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.registration.RegistrationStatusProjection.RegistrationStatus;
import io.tally.service.web.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Public registration through an invitation link: 202 with the status resource, which follows customer-service's
 * decision (see {@link Registrations}).
 */
@RestController
@RequestMapping("/api/v1/public/registrations")
class RegistrationController {

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    record RegistrationRequest(@NotBlank @Size(max = 100) String invitationToken,
                               @NotBlank @Size(max = EmailAddress.MAX_LENGTH) @Pattern(regexp = EmailAddress.PATTERN) String email,
                               @NotBlank @Size(max = 100) String teamName,
                               @NotNull String password) {
    }

    @PostMapping
    @Operation(summary = "Register through an invitation link", operationId = "submitRegistration")
    @ApiResponse(responseCode = "202", description = "Accepted; follow `Location` until the registration is completed or rejected.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The registration's status.",
                    schema = @Schema(type = "string", format = "uri-reference",
                            example = "/api/v1/public/registrations/c56a4180-65aa-42ec-a945-5fd21dec0538")))
    @ApiResponse(responseCode = "400", description = "`invitation_unknown`, `invitation_used` (also for a link locked after registrations with it were refused), `invitation_expired`, `invitation_revoked`, `email_mismatch`, a password rule, or a field.", content = @Content)
    public ResponseEntity<RegistrationStatus> submit(@Valid @RequestBody RegistrationRequest request) {
        RegistrationStatus submitted = registrations.submit(request.invitationToken(), request.email(),
                request.teamName(), request.password());
        return ResponseEntity.accepted().location(URI.create("/api/v1/public/registrations/" + submitted.id()))
                .body(submitted);
    }

    @GetMapping("/{registrationId}")
    @Operation(summary = "A registration's status", operationId = "getRegistration")
    public RegistrationStatus status(@PathVariable String registrationId) {
        return registrations.status(registrationId);
    }
}
