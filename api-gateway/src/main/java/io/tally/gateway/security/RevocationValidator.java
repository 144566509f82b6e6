package io.tally.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.gateway.revocation.RevokedSessions;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Refuses a token issued before its subject's sessions last ended (SessionsRevoked). */
final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

    static final String REVOKED = "token_revoked";

    private final RevokedSessions revokedSessions;
    private final Counter refused;

    RevocationValidator(RevokedSessions revokedSessions, MeterRegistry meters) {
        this.revokedSessions = revokedSessions;
        this.refused = Counter.builder("tally.gateway.tokens.refused")
                .description("Access tokens refused because their subject's sessions ended after they were issued")
                .tag("reason", "revoked")
                .register(meters);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (revokedSessions.refuses(token.getSubject(), token.getIssuedAt())) {
            refused.increment();
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error(REVOKED, "The sessions of this account have ended.", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
