package io.tally.auth.account;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.service.web.Caller;
import io.tally.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in account's own password: {@link PasswordChanges} decides, the answer is a new session. */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

    private final PasswordChanges passwordChanges;

    MeController(PasswordChanges passwordChanges) {
        this.passwordChanges = passwordChanges;
    }

    record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                          @NotNull String newPassword) {
    }

    @PutMapping("/password")
    @Operation(summary = "Change the signed-in account's password", operationId = "changeMyPassword")
    @ApiResponse(responseCode = "200", description = "A new session for the caller; the other sessions ended.")
    @ApiResponse(responseCode = "400", description = "`current_password_wrong`, `password_too_short`, `password_too_long`, `password_is_email`, `password_too_common`, `password_unchanged`.", content = @Content)
    @ApiResponse(responseCode = "429", description = "`password_change_locked`, with `Retry-After`.", content = @Content)
    public ResponseEntity<Tokens> changePassword(@AuthenticationPrincipal Jwt jwt,
                                                 @Valid @RequestBody PasswordChange request,
                                                 HttpServletRequest http) {
        return ResponseEntity.ok(passwordChanges.change(Caller.of(jwt), request.currentPassword(),
                request.newPassword(), http.getRemoteAddr()));
    }

    @ExceptionHandler(PasswordChangeLockedException.class)
    public ResponseEntity<ProblemDetail> locked(PasswordChangeLockedException locked) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(locked.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "password_change_locked", locked.getMessage()));
    }
}
