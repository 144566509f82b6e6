package io.tally.auth.signin;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.service.web.Caller;
import io.tally.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, refresh and sign-out over HTTP ({@link SignIn} decides): a refused sign-in is 401, a disabled account
 * 403, a lock 429 with Retry-After.
 */
@RestController
@RequestMapping("/api/v1/auth")
class LoginController {

    private final SignIn signIn;

    LoginController(SignIn signIn) {
        this.signIn = signIn;
    }

    /** {@code platformId} names a customer's platform; operators sign in without one. */
    /** No control character: a NUL could not even be looked up in PostgreSQL. */
    static final String NO_CONTROL_CHARACTERS = "[^\\x00-\\x1F\\x7F]*";

    record LoginRequest(@NotBlank @Size(max = 254) @Pattern(regexp = NO_CONTROL_CHARACTERS) String username,
                        @NotBlank @Size(max = 128) String password,
                        String platformId) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", operationId = "login")
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token.")
    @ApiResponse(responseCode = "401", description = "`invalid_credentials`, alike for an unknown user and a wrong password.", content = @Content)
    @ApiResponse(responseCode = "403", description = "`account_disabled`.", content = @Content)
    @ApiResponse(responseCode = "429", description = "`login_locked`, with `Retry-After`.", content = @Content)
    public ResponseEntity<Tokens> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return ResponseEntity.ok(signIn.login(request.username(), request.password(), request.platformId(),
                http.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    @Operation(summary = "Replace a refresh token by a new pair", operationId = "refreshTokens")
    @ApiResponse(responseCode = "200", description = "A new access token and refresh token.")
    @ApiResponse(responseCode = "401", description = "`invalid_refresh_token`, or `refresh_token_reused` (every session of the account ended).", content = @Content)
    public ResponseEntity<Tokens> refresh(@Valid @RequestBody RefreshRequest request) {
        return ResponseEntity.ok(signIn.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(summary = "Sign out: every session of the account ends", operationId = "logout")
    @ApiResponse(responseCode = "204", description = "Signed out.")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        signIn.signOut(Caller.of(jwt));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    public ResponseEntity<ProblemDetail> invalidCredentials(InvalidCredentialsException refused) {
        return problem(HttpStatus.UNAUTHORIZED, "invalid_credentials", refused);
    }

    @ExceptionHandler(AccountDisabledException.class)
    public ResponseEntity<ProblemDetail> disabled(AccountDisabledException refused) {
        return problem(HttpStatus.FORBIDDEN, "account_disabled", refused);
    }

    @ExceptionHandler(LoginLockedException.class)
    public ResponseEntity<ProblemDetail> locked(LoginLockedException refused) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login_locked", refused.getMessage()));
    }

    @ExceptionHandler(RefreshTokenReusedException.class)
    public ResponseEntity<ProblemDetail> reused(RefreshTokenReusedException refused) {
        return problem(HttpStatus.UNAUTHORIZED, "refresh_token_reused", refused);
    }

    @ExceptionHandler(InvalidRefreshTokenException.class)
    public ResponseEntity<ProblemDetail> invalidRefreshToken(InvalidRefreshTokenException refused) {
        return problem(HttpStatus.UNAUTHORIZED, "invalid_refresh_token", refused);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, RuntimeException refused) {
        return ResponseEntity.status(status).body(Problems.of(status, code, refused.getMessage()));
    }
}
