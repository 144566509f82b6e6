package io.tally.tokens;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A subject's tokens issued before its latest revocation are refused, for as long as such a token may live. */
class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private Instant now = NOW;
    private final RevokedSessions sessions = new RevokedSessions(LIFETIME, () -> now);

    @Test
    void refusesTheSubjectsTokensIssuedBeforeTheRevocationOnly() {
        sessions.revoke("alice", NOW);

        assertThat(sessions.refuses("alice", NOW.minusSeconds(1))).isTrue();
        assertThat(sessions.refuses("alice", NOW)).isFalse();
        assertThat(sessions.refuses("alice", NOW.plusSeconds(1))).isFalse();
        assertThat(sessions.refuses("bob", NOW.minusSeconds(1))).isFalse();
        assertThat(sessions.refuses(null, NOW.minusSeconds(1))).isFalse();
    }

    @Test
    void theLaterRevocationWinsInWhateverOrderTheyArrive() {
        sessions.revoke("alice", NOW);
        sessions.revoke("alice", NOW.minusSeconds(30));

        assertThat(sessions.refuses("alice", NOW.minusSeconds(10))).isTrue();
        sessions.revoke("alice", NOW.plusSeconds(5));
        assertThat(sessions.refuses("alice", NOW.plusSeconds(2))).isTrue();
    }

    @Test
    void remembersForTheTokenLifetimeAndTheClockSkew() {
        assertThat(sessions.relevance()).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void aRevocationOlderThanEveryTokenItConcernsIsIgnored() {
        sessions.revoke("alice", NOW.minus(sessions.relevance()).minusSeconds(1));
        sessions.revoke("bob", NOW.minus(sessions.relevance()).plusSeconds(1));

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.refuses("alice", NOW.minus(Duration.ofHours(1)))).isFalse();
        assertThat(sessions.refuses("bob", NOW.minus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void forgetsARevocationOnlyOnceEveryTokenItConcernsHasExpired() {
        sessions.revoke("alice", NOW);
        sessions.revoke("bob", NOW.plus(Duration.ofMinutes(5)));

        now = NOW.plus(sessions.relevance());
        sessions.forgetExpired();
        assertThat(sessions.size()).as("a token issued just before either may still be valid").isEqualTo(2);

        now = now.plusSeconds(1);
        sessions.forgetExpired();
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.refuses("alice", NOW.minusSeconds(1))).isFalse();
        assertThat(sessions.refuses("bob", NOW)).isTrue();
    }
}
