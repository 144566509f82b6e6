package io.tally.tokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tally's rules on a correctly signed token: issuer, audience, times and an issue time; each refused alone. */
class AccessTokenRulesTest {

    private static final String ISSUER = "tally-auth";
    private static final String AUDIENCE = "tally-api";
    private static final RSAKey KEY = key();

    private final NimbusJwtDecoder decoder = decoder();

    private static NimbusJwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
            AccessTokenRules.apply(decoder, ISSUER, AUDIENCE);
            return decoder;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token as auth-service issues it, changed by {@code change}. */
    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("account-1")
                .claim("role", "PROVIDER")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))));
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTokenAsAuthServiceIssuesItIsAccepted() {
        Jwt accepted = decoder.decode(token(claims -> claims));

        assertThat(accepted.getSubject()).isEqualTo("account-1");
        assertThat(accepted.getAudience()).containsExactly(AUDIENCE);
    }

    @Test
    void oneAudienceAmongOthersIsEnough() {
        assertThat(decoder.decode(token(claims -> claims.audience(List.of("other-api", AUDIENCE))))
                .getSubject()).isEqualTo("account-1");
    }

    @Test
    void anotherIssuerIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issuer("someone-else"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issuer(null))))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anotherAudienceOrNoneIsRefused() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.audience("other-api"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.audience((String) null))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefusedRatherThanGivenOneFromItsExpiry() {
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issueTime(null))))
                .isInstanceOf(BadJwtException.class).hasMessageContaining("issue time");
    }

    @Test
    void anExpiredTokenIsStillRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issueTime(Date.from(longAgo))
                .expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15)))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefusedThoughSpringsDefaultWouldTakeIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(15))))
                .expirationTime(Date.from(now.minusSeconds(10))))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void aTokenWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(decoder.decode(token(claims -> claims.expirationTime(Date.from(now.plusSeconds(2)))
                .notBeforeTime(Date.from(now.plusSeconds(2))))).getSubject()).isEqualTo("account-1");
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        Instant later = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        assertThatThrownBy(() -> decoder.decode(token(claims -> claims.notBeforeTime(Date.from(later)))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("used before");
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
