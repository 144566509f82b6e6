package io.tally.auth.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.tally.auth.command.Commands.EndSessionsCommand;
import io.tally.auth.command.Commands.LockLoginCommand;
import io.tally.auth.command.UsernameRegistry;
import io.tally.auth.query.AccountCredentialsProjection;
import io.tally.auth.query.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.session.LoginThrottle;
import io.tally.auth.session.LoginThrottle.Lock;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Refresh;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in, refresh and sign-out. An unknown user, a customer without a password yet and a
 * wrong password get the same answer, and each costs one hash comparison, so that neither the
 * answer nor its timing tells which accounts exist. Too many failures lock the username (429
 * with Retry-After), and a locked account's sign-in is published as LoginLocked.
 */
@RestController
@RequestMapping("/api/v1/auth")
public class LoginController {

    static final String THROTTLE_ACTOR = "system:login-throttle";

    private final AccountCredentialsProjection credentials;
    private final PasswordEncoder passwordEncoder;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Dispatcher dispatcher;
    private final MeterRegistry meters;
    private final String unknownUserHash;

    public LoginController(AccountCredentialsProjection credentials, PasswordEncoder passwordEncoder,
                           Sessions sessions, LoginThrottle throttle, Dispatcher dispatcher, MeterRegistry meters) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.throttle = throttle;
        this.dispatcher = dispatcher;
        this.meters = meters;
        this.unknownUserHash = passwordEncoder.encode("no account has this password");
    }

    /** {@code platformId} names a customer's platform; operators sign in without one. */
    public record LoginRequest(@NotBlank @Size(max = 254) String username,
                               @NotBlank @Size(max = 128) String password,
                               String platformId) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        Optional<UUID> platformId = platformId(request.platformId());
        String usernameScope = platformId.map(UUID::toString).orElse("operators") + ":"
                + UsernameRegistry.key(request.username());
        String address = http.getRemoteAddr();
        Optional<Duration> refusal = throttle.refusal(usernameScope, address);
        if (refusal.isPresent()) {
            return locked(refusal.get());
        }
        Optional<AccountCredentials> account = platformId
                .map(platform -> credentials.findCustomer(platform, request.username()))
                .orElseGet(() -> credentials.findOperator(request.username()));
        String hash = account.map(AccountCredentials::passwordHash).orElse(null);
        boolean matches = passwordEncoder.matches(request.password(), hash == null ? unknownUserHash : hash);
        if (hash == null || !matches) {
            Optional<Lock> lock = throttle.failed(usernameScope, address);
            if (lock.isPresent()) {
                account.ifPresent(locked -> dispatcher.send(new LockLoginCommand(locked.accountId(),
                        lock.get().until(), lock.get().failures()),
                        new Caller(THROTTLE_ACTOR, null, locked.platformId())));
                return locked(throttle.lockDuration());
            }
            return outcome("invalid_credentials", ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid_credentials",
                            "The username or the password is wrong.")));
        }
        throttle.succeeded(usernameScope);
        if (!account.get().enabled()) {
            return outcome("disabled", ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Problems.of(HttpStatus.FORBIDDEN, "account_disabled",
                            "This account is disabled; ask the platform's administrator.")));
        }
        return outcome("success", ResponseEntity.ok(sessions.start(account.get())));
    }

    @PostMapping("/refresh")
    public ResponseEntity<?> refresh(@Valid @RequestBody RefreshRequest request) {
        Refresh refresh = sessions.refresh(request.refreshToken());
        if (refresh.tokens().isPresent()) {
            return ResponseEntity.ok(refresh.tokens().get());
        }
        if (refresh.reusedBy().isPresent()) {
            String accountId = refresh.reusedBy().get();
            dispatcher.send(new EndSessionsCommand(accountId, SessionRevocationReason.REFRESH_TOKEN_REUSED),
                    new Caller(accountId, null, credentials.find(accountId)
                            .map(AccountCredentials::platformId).orElse(null)));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "refresh_token_reused", "This refresh token was already used; every session of the account "
                            + "has ended. Sign in again."));
        }
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                "invalid_refresh_token", "The refresh token is unknown, expired or revoked. Sign in again."));
    }

    /**
     * Ends every session of the signed-in account, not only this one: the revocation the
     * gateway enforces names the subject alone, so any other session's access tokens would be
     * refused anyway, and its refresh token must not outlive them.
     */
    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt) {
        dispatcher.send(new EndSessionsCommand(jwt.getSubject(), SessionRevocationReason.LOGOUT), Caller.of(jwt));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<?> locked(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return outcome("locked", ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "login_locked",
                        "Too many failed sign-ins; try again in " + seconds + " seconds.")));
    }

    private ResponseEntity<?> outcome(String outcome, ResponseEntity<?> response) {
        meters.counter("tally.auth.logins", "outcome", outcome).increment();
        return response;
    }

    private static Optional<UUID> platformId(String platformId) {
        if (platformId == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(platformId));
        } catch (IllegalArgumentException malformed) {
            throw new BadRequestException("platformId", "uuid", "platformId must be a platform's id (a UUID).");
        }
    }
}
