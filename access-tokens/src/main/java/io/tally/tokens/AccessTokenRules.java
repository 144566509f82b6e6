package io.tally.tokens;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.util.Map;

/**
 * What makes a correctly signed token one of Tally's access tokens, checked alike by the gateway and every service:
 * the issuer auth-service names ({@code tally.tokens.issuer}), the audience it issues them for
 * ({@code tally.tokens.audience}), expiry and not-before, and an issue time of its own (the revocation check compares
 * it). A token signed with the same key for another issuer or another audience is refused.
 */
public final class AccessTokenRules {

    /** The error code of a token issued before its subject's sessions ended. */
    public static final String REVOKED = "token_revoked";
    /** The error code of a token refused because the ended sessions are not yet known. */
    public static final String REVOCATIONS_UNKNOWN = "revocations_unknown";

    private AccessTokenRules() {
    }

    /**
     * How far a token's times may be off this machine's clock: a few seconds of drift between
     * hosts kept in time, not Spring's default minute, which would take a token 60 s past its
     * expiry.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    /** Expiry and not-before (within {@link #CLOCK_SKEW}), the issuer and the audience. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(issuer), new JwtAudienceValidator(audience));
    }

    /**
     * Spring's claim conversion fills a missing issue time in from the expiry, which would pass the revocation
     * check: a token must say when it was issued.
     */
    public static Converter<Map<String, Object>, Map<String, Object>> claimsWithIssueTime() {
        MappedJwtClaimSetConverter claims = MappedJwtClaimSetConverter.withDefaults(Map.of());
        return raw -> {
            if (raw.get(JwtClaimNames.IAT) == null) {
                throw new BadJwtException("The token has no issue time.");
            }
            return claims.convert(raw);
        };
    }

    /** Makes the decoder check every rule above (its signature check stays as it is). */
    public static void apply(NimbusJwtDecoder decoder, String issuer, String audience) {
        decoder.setClaimSetConverter(claimsWithIssueTime());
        decoder.setJwtValidator(validator(issuer, audience));
    }
}
