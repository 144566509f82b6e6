package io.tally.service.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.tokens.RevocationValidator;
import io.tally.tokens.RevokedSessions;
import io.tally.tokens.TokenMeters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whatever decodes a service's tokens is made to check Tally's rules and the ended sessions. */
class FollowedRevocationsTest {

    private static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final KeyPair keys = keys();
    private final RevokedSessions revokedSessions = new RevokedSessions(Duration.ofMinutes(15), Clock.systemUTC());
    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("tally.tokens.issuer", "tally-auth")
            .withProperty("tally.tokens.audience", "tally-api");

    private BeanPostProcessor checkedTokens() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("revocationValidator", new RevocationValidator(revokedSessions, () -> true,
                new TokenMeters(new SimpleMeterRegistry(), "tally")));
        return FollowedRevocations.checkedTokens(environment, beans.getBeanProvider(RevocationValidator.class));
    }

    private JwtDecoder checked(BeanPostProcessor processor) {
        Object decoder = processor.postProcessAfterInitialization(
                NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build(), "jwtDecoder");
        assertThat(decoder).isInstanceOf(RevocationCheckingJwtDecoder.class);
        return (JwtDecoder) decoder;
    }

    private String token(String issuer, String audience) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience).subject("alice").issueTime(Date.from(ISSUED))
                    .expirationTime(Date.from(ISSUED.plus(Duration.ofMinutes(15)))).build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theServicesDecoderChecksIssuerAudienceAndEndedSessions() {
        JwtDecoder decoder = checked(checkedTokens());

        Jwt accepted = decoder.decode(token("tally-auth", "tally-api"));
        assertThat(accepted.getSubject()).isEqualTo("alice");
        assertThatThrownBy(() -> decoder.decode(token("someone-else", "tally-api")))
                .isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode(token("tally-auth", "another-api")))
                .isInstanceOf(JwtValidationException.class);

        revokedSessions.revoke("alice", ISSUED.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token("tally-auth", "tally-api")))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("ended");
    }

    @Test
    void rememberingTokensStillAsksForEndedSessionsOnEveryUse() {
        environment.setProperty("tally.tokens.remembered-tokens", "100");
        JwtDecoder decoder = checked(checkedTokens());
        String token = token("tally-auth", "tally-api");
        decoder.decode(token);

        revokedSessions.revoke("alice", ISSUED.plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("ended");
    }

    @Test
    void otherBeansAndAnAlreadyCheckedDecoderAreLeftAsTheyAre() {
        BeanPostProcessor processor = checkedTokens();
        JwtDecoder decoder = checked(processor);
        Object other = new Object();

        assertThat(processor.postProcessAfterInitialization(decoder, "jwtDecoder")).isSameAs(decoder);
        assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }

    @Test
    void aDecoderThatCannotBeMadeToCheckTheRulesStopsTheStart() {
        JwtDecoder unknown = token -> {
            throw new UnsupportedOperationException();
        };

        assertThatIllegalStateException()
                .isThrownBy(() -> checkedTokens().postProcessAfterInitialization(unknown, "jwtDecoder"))
                .withMessageContaining("NimbusJwtDecoder");
    }

    @Test
    void theFeedStartsBeforeTheWebServerOpensItsPort() {
        assertThat(FollowedRevocations.PHASE).isLessThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
