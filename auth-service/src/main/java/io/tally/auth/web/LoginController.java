package io.tally.auth.web;

import io.tally.auth.query.AccountCredentialsProjection;
import io.tally.auth.query.AccountCredentialsProjection.AccountCredentials;
import io.tally.service.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Sign-in with a username and a password. An unknown user and a wrong password get the same
 * answer, and an unknown user still costs one hash comparison, so that neither the answer nor
 * its timing tells which accounts exist.
 */
@RestController
@RequestMapping("/api/v1/auth")
public class LoginController {

    private final AccountCredentialsProjection credentials;
    private final PasswordEncoder passwordEncoder;
    private final AccessTokens accessTokens;
    private final String unknownUserHash;

    public LoginController(AccountCredentialsProjection credentials, PasswordEncoder passwordEncoder,
                           AccessTokens accessTokens) {
        this.credentials = credentials;
        this.passwordEncoder = passwordEncoder;
        this.accessTokens = accessTokens;
        this.unknownUserHash = passwordEncoder.encode("no account has this password");
    }

    /** {@code platformId} names a customer's platform; operators sign in without one. */
    public record LoginRequest(@NotBlank @Size(max = 254) String username,
                               @NotBlank @Size(max = 128) String password,
                               String platformId) {
    }

    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@Valid @RequestBody LoginRequest request) {
        Optional<AccountCredentials> account = findAccount(request);
        boolean matches = passwordEncoder.matches(request.password(),
                account.map(AccountCredentials::passwordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid_credentials", "The username or the password is wrong."));
        }
        return ResponseEntity.ok(new AccessToken(accessTokens.issue(account.get()), "Bearer",
                accessTokens.lifetime().toSeconds()));
    }

    /** Customers' credentials are not kept yet, so a login that names a platform finds no account. */
    private Optional<AccountCredentials> findAccount(LoginRequest request) {
        return request.platformId() == null ? credentials.findOperator(request.username()) : Optional.empty();
    }
}
