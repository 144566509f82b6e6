package io.tally.service.security;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.tokens.AccessTokenRules;
import io.tally.tokens.RevocationValidator;
import io.tally.tokens.RevokedSessions;
import io.tally.tokens.TokenMeters;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Revocation is asked on every use, also of a token answered from memory; until the revocations are known every
 * token is refused as not checkable yet, never accepted.
 */
class RevocationCheckingJwtDecoderTest {

    private static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RevokedSessions revokedSessions = new RevokedSessions(Duration.ofMinutes(15), Clock.systemUTC());
    private final AtomicBoolean caughtUp = new AtomicBoolean(true);
    private final RevocationValidator revocations =
            new RevocationValidator(revokedSessions, caughtUp::get, new TokenMeters(meters, "tally"));

    /** Accepts tokens named "good-<subject>" issued at ISSUED, refuses the rest; counts calls. */
    private static final class SignatureCheck implements JwtDecoder {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Jwt decode(String token) {
            calls.incrementAndGet();
            if (!token.startsWith("good-")) {
                throw new BadJwtException("bad signature");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token.substring(5)).issuedAt(ISSUED)
                    .expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build();
        }
    }

    private static String errorCode(Throwable refusal) {
        return ((JwtValidationException) refusal).getErrors().stream().map(OAuth2Error::getErrorCode)
                .findFirst().orElseThrow();
    }

    @Test
    void aTokenOfASubjectWhoseSessionsDidNotEndIsAccepted() {
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(new SignatureCheck(), revocations);
        revokedSessions.revoke("bob", ISSUED.plusSeconds(1));

        assertThat(decoder.decode("good-alice").getSubject()).isEqualTo("alice");
    }

    @Test
    void aTokenIssuedBeforeItsSubjectsSessionsEndedIsRefusedAsRevokedAndCounted() {
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(new SignatureCheck(), revocations);
        revokedSessions.revoke("alice", ISSUED.plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode("good-alice"))
                .isInstanceOf(JwtValidationException.class)
                .satisfies(refusal -> assertThat(errorCode(refusal)).isEqualTo(AccessTokenRules.REVOKED));
        assertThat(meters.get("tally.tokens.refused").tag("reason", "revoked").counter().count()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsSessionsEnd() {
        SignatureCheck signatures = new SignatureCheck();
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(
                new CachingJwtDecoder(signatures, 10, Clock.systemUTC()), revocations);
        decoder.decode("good-alice");
        decoder.decode("good-alice");
        assertThat(signatures.calls.get()).isEqualTo(1);

        revokedSessions.revoke("alice", ISSUED.plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode("good-alice"))
                .satisfies(refusal -> assertThat(errorCode(refusal)).isEqualTo(AccessTokenRules.REVOKED));
        assertThat(signatures.calls.get()).isEqualTo(1);
    }

    @Test
    void untilTheRevocationsAreKnownEveryTokenIsRefusedAsNotCheckableYet() {
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(new SignatureCheck(), revocations);
        caughtUp.set(false);

        assertThatThrownBy(() -> decoder.decode("good-alice"))
                .satisfies(refusal -> assertThat(errorCode(refusal)).isEqualTo(AccessTokenRules.REVOCATIONS_UNKNOWN));

        caughtUp.set(true);
        assertThat(decoder.decode("good-alice").getSubject()).isEqualTo("alice");
    }

    @Test
    void aBadSignatureIsRefusedBeforeRevocationIsAsked() {
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(new SignatureCheck(), revocations);
        caughtUp.set(false);

        assertThatThrownBy(() -> decoder.decode("forged-alice")).isInstanceOf(BadJwtException.class)
                .isNotInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefused() {
        JwtDecoder decoder = new RevocationCheckingJwtDecoder(token -> Jwt.withTokenValue(token).header("alg", "RS256")
                .subject("alice").expiresAt(ISSUED.plus(Duration.ofMinutes(15))).build(), revocations);

        assertThatThrownBy(() -> decoder.decode("no-iat")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("issue time");
    }
}
