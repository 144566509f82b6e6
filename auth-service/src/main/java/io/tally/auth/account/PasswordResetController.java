package io.tally.auth.account;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.account.PasswordResets.Reset;
import io.tally.service.web.Caller;
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
    record GeneratedReset(String resetId, String password, Instant expiresAt) {
    }

    @PostMapping
    @Operation(summary = "Generate a customer's new password", operationId = "generatePasswordReset")
    @ApiResponse(responseCode = "201", description = "The password, shown once; unusable until confirmed.")
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
