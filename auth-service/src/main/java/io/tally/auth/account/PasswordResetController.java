package io.tally.auth.account;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.account.PasswordResets.Reset;
import io.tally.service.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** A platform admin generates a password for a customer of the platform and confirms it: {@link PasswordResets}. */
@RestController
@RequestMapping("/api/v1/customers/{customerId}/password-resets")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    /** The generated password, shown in this answer only. */
    record GeneratedReset(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid",
                    example = "e2c4a6b8-0d1f-4e3a-9b5c-7d9f1a3c5e7a")
            String resetId,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^[A-HJ-NP-Za-km-z2-9]{20}$",
                    description = "20 characters without look-alikes; the customer's password once confirmed.",
                    example = "Xk7mPq4RtV9wZc3NhJ2d")
            String password,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "Unconfirmed by then, it lapses.",
                    example = "2026-01-16T09:30:00Z")
            Instant expiresAt) {
    }

    @PostMapping
    @Operation(summary = "Generate a customer's new password", operationId = "generatePasswordReset")
    @ApiResponse(responseCode = "201", description = "The password, shown once; unusable until confirmed.",
            headers = @Header(name = HttpHeaders.LOCATION, required = true, description = "The reset.",
                    schema = @Schema(type = "string", format = "uri-reference",
                            example = "/api/v1/customers/3f2b6c1e-8a4d-4f7b-9c2e-5d1a7b9e0c42/password-resets/"
                                    + "e2c4a6b8-0d1f-4e3a-9b5c-7d9f1a3c5e7a")))
    public ResponseEntity<GeneratedReset> generate(@AuthenticationPrincipal Jwt jwt,
                                                   @PathVariable String customerId) {
        Reset reset = resets.generate(Caller.of(jwt), customerId);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + reset.customerId() + "/password-resets/"
                        + reset.resetId()))
                .body(new GeneratedReset(reset.resetId(), reset.password(), reset.expiresAt()));
    }

    @PostMapping("/{resetId}/confirmation")
    @Operation(summary = "Confirm a generated password", operationId = "confirmPasswordReset")
    @ApiResponse(responseCode = "204", description = "The customer's password from now on; their sessions ended.")
    @ApiResponse(responseCode = "409", description = "`password_reset_expired` or `password_reset_finished`.", content = @Content)
    public ResponseEntity<Void> confirm(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                        @PathVariable String resetId) {
        resets.confirm(Caller.of(jwt), customerId, resetId);
        return ResponseEntity.noContent().build();
    }
}
