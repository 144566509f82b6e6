package io.tally.tokens;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token issued before its subject's sessions ended is refused and counted; until the ended sessions are known,
 * every token is refused as not checkable yet; a token without an issue time is refused.
 */
class RevocationValidatorTest {

    private static final Instant ISSUED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RevokedSessions revokedSessions = new RevokedSessions(Duration.ofMinutes(15), Clock.systemUTC());
    private final AtomicBoolean known = new AtomicBoolean(true);
    private final RevocationValidator validator =
            new RevocationValidator(revokedSessions, known::get, new TokenMeters(meters, "tally.example"));

    /** A decoded token of {@code subject}, issued at {@code issuedAt} unless that is null. */
    private static Jwt token(String subject, Instant issuedAt) {
        Jwt.Builder token = Jwt.withTokenValue("token-of-" + subject).header("alg", "RS256").subject(subject)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(15)));
        return (issuedAt == null ? token : token.issuedAt(issuedAt)).build();
    }

    private static String errorCode(OAuth2TokenValidatorResult result) {
        return result.getErrors().stream().map(OAuth2Error::getErrorCode).findFirst().orElse(null);
    }

    private double refusedCount() {
        return meters.get("tally.example.tokens.refused").tag("reason", "revoked").counter().count();
    }

    @Test
    void aTokenOfASubjectWhoseSessionsDidNotEndIsAccepted() {
        revokedSessions.revoke("bob", ISSUED.plusSeconds(1));

        assertThat(validator.validate(token("alice", ISSUED)).hasErrors()).isFalse();
        assertThat(validator.validate(token("bob", ISSUED.plusSeconds(1))).hasErrors()).isFalse();
        assertThat(refusedCount()).isZero();
    }

    @Test
    void aTokenIssuedBeforeItsSubjectsSessionsEndedIsRefusedAsRevokedAndCounted() {
        revokedSessions.revoke("alice", ISSUED.plusSeconds(1));

        assertThat(errorCode(validator.validate(token("alice", ISSUED)))).isEqualTo(AccessTokenRules.REVOKED);
        assertThat(refusedCount()).isEqualTo(1);
    }

    @Test
    void untilTheRevocationsAreKnownEveryTokenIsRefusedAsNotCheckableYetAndNotCountedAsRevoked() {
        known.set(false);

        assertThat(errorCode(validator.validate(token("alice", ISSUED))))
                .isEqualTo(AccessTokenRules.REVOCATIONS_UNKNOWN);
        assertThat(refusedCount()).isZero();

        known.set(true);
        assertThat(validator.validate(token("alice", ISSUED)).hasErrors()).isFalse();
    }

    @Test
    void aTokenWithoutAnIssueTimeIsRefused() {
        OAuth2TokenValidatorResult result = validator.validate(token("alice", null));

        assertThat(errorCode(result)).isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN);
        assertThat(result.getErrors().iterator().next().getDescription()).contains("issue time");
    }
}
