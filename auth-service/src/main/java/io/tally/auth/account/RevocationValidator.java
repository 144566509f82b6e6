package io.tally.auth.account;

import io.tally.auth.account.AccountCredentialsProjection.AccountCredentials;
import io.tally.tokens.AccessTokenRules;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * auth-service's own routes refuse an access token whose sessions ended (issued before the
 * account's last revocation) or whose account is disabled or gone, without waiting for the
 * token to expire: 401 {@code session_ended}, as at the gateway. It reads its own store; the
 * other services follow the same revocations on Kafka (service-support's FollowedRevocations).
 */
@Component
public class RevocationValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(AccessTokenRules.REVOKED, "The session of this token has ended.", null));

    private final AccountCredentialsProjection credentials;

    RevocationValidator(AccountCredentialsProjection credentials) {
        this.credentials = credentials;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Optional<AccountCredentials> account = account(token.getSubject());
        Instant issuedAt = token.getIssuedAt();
        boolean valid = account.isPresent() && account.get().enabled() && issuedAt != null
                && (account.get().sessionsNotBefore() == null || !issuedAt.isBefore(account.get().sessionsNotBefore()));
        return valid ? OAuth2TokenValidatorResult.success() : REVOKED;
    }

    private Optional<AccountCredentials> account(String subject) {
        try {
            return subject == null ? Optional.empty() : credentials.find(UUID.fromString(subject).toString());
        } catch (IllegalArgumentException notAnAccountId) {
            return Optional.empty();
        }
    }
}
