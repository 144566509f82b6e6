package io.tally.service.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressAndIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "a.b+c@sub.example.co.uk", "ÄDA@bücher.example"})
    void anAddressWithOneAtAndADottedDomainIsValid(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ada", "ada@example", "@example.com", "ada@@example.com", "a da@example.com",
            "ada@exa mple.com", "ada\u0000@example.com", "ada@example.com\n", "ada\u007F@example.com",
            "ada@example.\t", "ada@.com."})
    void anythingElseIsNot(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
    }

    @Test
    void atMost254Characters() {
        String domain = "@example.com";
        assertThat(EmailAddress.isValid("a".repeat(254 - domain.length()) + domain)).isTrue();
        assertThat(EmailAddress.isValid("a".repeat(255 - domain.length()) + domain)).isFalse();
        assertThat(EmailAddress.isValid(null)).isFalse();
    }

    @Test
    void aCanonicalOrUpperCaseUuidIsAnId() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.uuidOr(id.toString(), IllegalStateException::new)).isEqualTo(id);
        assertThat(Ids.canonicalOr(id.toString().toUpperCase(), IllegalStateException::new)).isEqualTo(id.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-id", "1-1-1-1-1", " 7c6a4f0e-3b1c-4c7e-9a57-2b8c2f0f1a11",
            "7c6a4f0e3b1c4c7e9a572b8c2f0f1a11", "7c6a4f0e-3b1c-4c7e-9a57-2b8c2f0f1a11x"})
    void anythingElseGetsTheCallersRefusalNamingWhatWasAsked(String id) {
        assertThatThrownBy(() -> Ids.uuidOr(id, asked -> new IllegalStateException("no " + asked)))
                .isInstanceOf(IllegalStateException.class).hasMessage("no " + id);
    }

    @Test
    void noIdAtAllIsRefusedToo() {
        assertThatThrownBy(() -> Ids.uuidOr(null, asked -> new IllegalStateException("none")))
                .hasMessage("none");
    }
}
