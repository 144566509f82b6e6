package io.tally.tokens;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AcceptedTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static Jwt token(String value) {
        return Jwt.withTokenValue(value).header("alg", "RS256").subject(value).issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(15))).build();
    }

    @Test
    void recallsOnlyWhatWasRemembered() {
        AcceptedTokens accepted = new AcceptedTokens(10, Clock.fixed(NOW, ZoneOffset.UTC));
        accepted.remember("a", token("a"));

        assertThat(accepted.recall("a")).hasValueSatisfying(jwt -> assertThat(jwt.getSubject()).isEqualTo("a"));
        assertThat(accepted.recall("b")).isEmpty();
    }

    @Test
    void startsOverWhenFull() {
        AcceptedTokens accepted = new AcceptedTokens(2, Clock.fixed(NOW, ZoneOffset.UTC));
        accepted.remember("a", token("a"));
        accepted.remember("b", token("b"));
        accepted.remember("c", token("c"));

        assertThat(accepted.size()).isEqualTo(1);
        assertThat(accepted.recall("a")).isEmpty();
        assertThat(accepted.recall("c")).isPresent();
    }

    @Test
    void holdsAtLeastOneToken() {
        assertThatThrownBy(() -> new AcceptedTokens(0, Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }
}
