package io.tally.auth.web;

import io.tally.auth.command.Commands.ChangePasswordCommand;
import io.tally.auth.command.PasswordPolicy;
import io.tally.auth.query.AccountCredentialsProjection;
import io.tally.auth.query.AccountCredentialsProjection.AccountCredentials;
import io.tally.auth.session.LoginThrottle;
import io.tally.auth.session.Sessions;
import io.tally.auth.session.Sessions.Tokens;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.Optional;

/**
 * The signed-in account's own password. The current password must be given (a stolen access
 * token alone cannot take over the account), wrong guesses count towards a lock like failed
 * sign-ins, and a change ends every other session: the answer carries a new session for the
 * caller.
 */
@RestController
@RequestMapping("/api/v1/me")
public class MeController {

    private final AccountCredentialsProjection credentials;
    private final PasswordEncoder passwordEncoder;
    private final Dispatcher dispatcher;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public MeController(AccountCredentialsProjection credentials, PasswordEncoder passwordEncoder,
                        Dispatcher dispatcher, Sessions sessions, LoginThrottle throttle) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.dispatcher = dispatcher;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public record PasswordChange(@NotNull @Size(max = 128) String currentPassword,
                                 @NotNull String newPassword) {
    }

    @PutMapping("/password")
    public ResponseEntity<?> changePassword(@AuthenticationPrincipal Jwt jwt,
                                            @Valid @RequestBody PasswordChange request, HttpServletRequest http) {
        Caller caller = Caller.of(jwt);
        AccountCredentials account = credentials.find(caller.subject()).orElseThrow();
        String scope = "password-change:" + account.accountId();
        Optional<Duration> refusal = throttle.refusal(scope, http.getRemoteAddr());
        if (refusal.isPresent()) {
            long seconds = Math.max(1, refusal.get().toSeconds());
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "password_change_locked",
                            "Too many wrong current passwords; try again in " + seconds + " seconds."));
        }
        if (account.passwordHash() == null
                || !passwordEncoder.matches(request.currentPassword(), account.passwordHash())) {
            throttle.failed(scope, http.getRemoteAddr());
            throw new BadRequestException("currentPassword", "current_password_wrong",
                    "The current password is wrong.");
        }
        PasswordPolicy.check("newPassword", request.newPassword(), account.usernameKey());
        if (request.newPassword().equals(request.currentPassword())) {
            throw new BadRequestException("newPassword", "password_unchanged",
                    "The new password must differ from the current one.");
        }
        throttle.succeeded(scope);
        dispatcher.send(new ChangePasswordCommand(account.accountId(), passwordEncoder.encode(request.newPassword())),
                caller);
        Tokens tokens = sessions.start(credentials.find(account.accountId()).orElseThrow());
        return ResponseEntity.ok(tokens);
    }
}
