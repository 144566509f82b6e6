package io.tally.tokens;

import io.micrometer.core.instrument.Counter;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.function.BooleanSupplier;

/**
 * Refuses a token issued before its subject's sessions last ended (SessionsRevoked: a sign-out, a password change
 * or reset, a disabled customer), counted as {@code <prefix>.tokens.refused{reason=revoked}}, and every token while
 * {@code known} says the revocations are not read up to the end of the topic: until then a revoked token could pass.
 */
public final class RevocationValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2TokenValidatorResult REVOKED = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(AccessTokenRules.REVOKED, "The sessions of this account have ended.", null));
    private static final OAuth2TokenValidatorResult UNKNOWN = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(AccessTokenRules.REVOCATIONS_UNKNOWN, "Ended sessions are not known yet.", null));
    private static final OAuth2TokenValidatorResult NO_ISSUE_TIME = OAuth2TokenValidatorResult.failure(
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token has no issue time.", null));

    private final RevokedSessions revokedSessions;
    private final BooleanSupplier known;
    private final Counter refused;

    public RevocationValidator(RevokedSessions revokedSessions, BooleanSupplier known, TokenMeters meters) {
        this.revokedSessions = revokedSessions;
        this.known = known;
        this.refused = Counter.builder(meters.name("tokens.refused"))
                .description("Access tokens refused because their subject's sessions ended after they were issued")
                .tag("reason", "revoked")
                .register(meters.registry());
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (!known.getAsBoolean()) {
            return UNKNOWN;
        }
        if (token.getIssuedAt() == null) {
            return NO_ISSUE_TIME;
        }
        if (revokedSessions.refuses(token.getSubject(), token.getIssuedAt())) {
            refused.increment();
            return REVOKED;
        }
        return OAuth2TokenValidatorResult.success();
    }
}
