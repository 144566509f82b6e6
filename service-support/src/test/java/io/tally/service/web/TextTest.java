package io.tally.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "tab\there", "line\nfeed", "del\u007f", "c1\u0085"})
    void controlCharactersAreRefused(String text) {
        assertThat(Text.fault(text)).contains(Text.Fault.CONTROL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Efdp.exe", "left\u2066isolate\u2069", "mark\u200Fright", "zero\u200Bwidth",
            "join\u200Dme", "\uFEFFbom", "soft\u00ADhyphen", "arabic\u061Cmark"})
    void invisibleFormattingCharactersAreRefused(String text) {
        assertThat(Text.fault(text)).contains(Text.Fault.INVISIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone\uD800high", "lone\uDC00low", "ends\uD83D", "\uFDD0", "x\uFFFE", "\uFFFF",
            "plane one \uD83F\uDFFF", "not utf-8 \uFFFD"})
    void malformedUnicodeAndNoncharactersAreRefused(String text) {
        assertThat(Text.fault(text)).contains(Text.Fault.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Zoë Müller", "東京都千代田区", "Ωmega & Co.", "emoji \uD83D\uDE00 fine", "", "a-b_c.d@e",
            "private use \uE000", "Hebrew שלום"})
    void ordinaryTextIsAccepted(String text) {
        assertThat(Text.fault(text)).isEmpty();
    }

    @Test
    void acceptedTextIsKeptInNormalFormC() {
        assertThat(Text.normalized("Zoe\u0308")).isEqualTo("Zoë");
        assertThat(Text.checked("name", "Zoe\u0308")).isEqualTo("Zoë");
        assertThat(Text.normalized("Zoë")).isSameAs(Text.normalized("Zoë")).isEqualTo("Zoë");
    }

    @Test
    void aRefusalNamesTheFieldAndTheRule() {
        assertThatThrownBy(() -> Text.checked("q", "a\u202Eb"))
                .isInstanceOfSatisfying(BadRequestException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("q");
                    assertThat(refused.rule()).isEqualTo("invisible_character");
                });
    }

    @Test
    void requestBodiesAreJudgedFieldByFieldWithThePathNamed() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(
                new SimpleModule().addDeserializer(String.class, new StrictJson.CheckedText()));
        assertThatThrownBy(() -> mapper.readValue("{\"address\":{\"city\":\"a\\u202Eb\"}}", Addressed.class))
                .isInstanceOfSatisfying(StrictJson.TextRefused.class, refused -> {
                    assertThat(refused.fault()).isEqualTo(Text.Fault.INVISIBLE);
                    assertThat(refused.getPathReference()).contains("address").contains("city");
                });
        assertThatThrownBy(() -> mapper.readValue("{\"tags\":[\"ok\",\"\\ud800\"]}", Tagged.class))
                .isInstanceOfSatisfying(StrictJson.TextRefused.class, refused ->
                        assertThat(refused.fault()).isEqualTo(Text.Fault.INVALID));
        assertThat(mapper.readValue("{\"tags\":[\"Zoe\\u0308\"]}", Tagged.class).tags()).containsExactly("Zoë");
    }

    record Tagged(List<String> tags) {
    }

    record Address(String city) {
    }

    record Addressed(Address address) {
    }
}
