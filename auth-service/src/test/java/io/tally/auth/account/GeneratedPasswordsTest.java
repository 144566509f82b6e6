package io.tally.auth.account;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GeneratedPasswordsTest {

    @Test
    void twentyCharactersFromTheUnambiguousAlphabetAndNeverTheSame() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String password = GeneratedPasswords.next();
            assertThat(password).hasSize(20);
            assertThat(password.chars()).allMatch(c -> GeneratedPasswords.ALPHABET.indexOf(c) >= 0);
            assertThat(password).doesNotContain("0", "O", "1", "l", "I");
            seen.add(password);
        }
        assertThat(seen).hasSize(1_000);
    }
}
