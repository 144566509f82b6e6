package io.tally.service.security;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsTest {

    @Test
    void aTokenIsFortyThreeUrlSafeCharacters() {
        assertThat(Secrets.newToken()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aTokenCarries256Bits() {
        assertThat(Base64.getUrlDecoder().decode(Secrets.newToken())).hasSize(32);
    }

    @Test
    void twoTokensDiffer() {
        assertThat(Secrets.newToken()).isNotEqualTo(Secrets.newToken());
    }

    @Test
    void aThousandTokensAreAllDistinct() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Secrets.newToken());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void sha256IsSixtyFourLowercaseHexDigits() {
        assertThat(Secrets.sha256(Secrets.newToken())).matches("[0-9a-f]{64}");
    }

    @Test
    void sha256MatchesTheKnownVectors() {
        assertThat(Secrets.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Secrets.sha256(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sha256IsStableAndTellsTokensApart() {
        String token = Secrets.newToken();

        assertThat(Secrets.sha256(token)).isEqualTo(Secrets.sha256(token))
                .isNotEqualTo(Secrets.sha256(token + "x"));
    }
}
