package io.tally.service.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A subject's tokens issued before its latest revocation are refused, for as long as such a token may live. */
class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final MovingClock clock = new MovingClock();
    private final RevokedSessions sessions = new RevokedSessions(LIFETIME, clock);

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
    void aRevocationOlderThanEveryTokenItConcernsIsIgnored() {
        assertThat(sessions.relevance()).isEqualTo(LIFETIME.plus(RevokedSessions.CLOCK_SKEW));

        sessions.revoke("alice", NOW.minus(sessions.relevance()).minusSeconds(1));
        sessions.revoke("bob", NOW.minus(sessions.relevance()).plusSeconds(1));

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.refuses("bob", NOW.minus(Duration.ofHours(1)))).isTrue();
    }

    @Test
    void forgetsARevocationOnceEveryTokenItConcernsHasExpired() {
        sessions.revoke("alice", NOW);
        sessions.revoke("bob", NOW.plus(Duration.ofMinutes(5)));

        clock.now = NOW.plus(sessions.relevance()).plusSeconds(1);
        sessions.forgetExpired();

        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.refuses("alice", NOW.minusSeconds(1))).isFalse();
        assertThat(sessions.refuses("bob", NOW)).isTrue();
    }

    private static final class MovingClock extends Clock {
        Instant now = NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
