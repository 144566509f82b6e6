package io.tally.tokens;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewalls' rules for header text, held against the regular expressions Spring Security ships with. */
class HeaderTextTest {

    /** Spring Security 6.5's StrictHttpFirewall and StrictServerWebExchangeFirewall, header names. */
    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    /** The same, header values. */
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheExpressionsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = Character.toString(codePoint);
            String amid = "ab" + alone + "cd";
            assertThat(HeaderText.NAMES.test(alone)).as("name U+%04X", codePoint).isEqualTo(NAMES.matcher(alone).matches());
            assertThat(HeaderText.VALUES.test(amid)).as("value U+%04X", codePoint).isEqualTo(VALUES.matcher(amid).matches());
        }
    }

    @Test
    void mixedTextIsJudgedAsTheExpressionsJudgeIt() {
        Random random = new Random(20261206);
        // Printable ASCII mostly, with the odd tab, control, unassigned, astral or lone surrogate among it.
        int[] rare = {'\t', '\n', 0, 0x7F, 0x85, 0x9F, 0xA0, 0xE9, 0x0378, 0x2028, 0xFFFF, 0xFFFD, 0x1F600, 0xE0000,
                0x10FFFF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF};
        for (int round = 0; round < 50_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(10) == 0) {
                    text.appendCodePoint(random.nextBoolean() ? rare[random.nextInt(rare.length)]
                            : random.nextInt(Character.MAX_CODE_POINT + 1));
                } else {
                    text.append((char) (' ' + random.nextInt(95)));
                }
            }
            String sample = text.toString();
            assertThat(HeaderText.NAMES.test(sample)).as("name %s", sample).isEqualTo(NAMES.matcher(sample).matches());
            assertThat(HeaderText.VALUES.test(sample)).as("value %s", sample).isEqualTo(VALUES.matcher(sample).matches());
        }
    }

    @Test
    void anAbsentHeaderIsAllowed() {
        assertThat(HeaderText.VALUES.test(null)).isTrue();
        assertThat(HeaderText.NAMES.test(null)).isTrue();
    }

    @Test
    void namesAndValuesDifferOnlyInTheTab() {
        assertThat(HeaderText.VALUES.test("a\tb")).isTrue();
        assertThat(HeaderText.NAMES.test("a\tb")).isFalse();
        for (String refused : List.of("a\rb", "a\nb", "\u0000", "x\u007F", "x\u0085", "\u0378")) {
            assertThat(HeaderText.VALUES.test(refused)).as(refused).isFalse();
            assertThat(HeaderText.NAMES.test(refused)).as(refused).isFalse();
        }
        for (String allowed : List.of("", "Bearer abc.def-ghi_~+/==", "café", "\uD83D\uDE00", "\uD800")) {
            assertThat(HeaderText.VALUES.test(allowed)).as(allowed).isTrue();
            assertThat(HeaderText.NAMES.test(allowed)).as(allowed).isTrue();
        }
    }
}
