package io.tally.service.web;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The one rule for text a request brings, in every field of every JSON body and every query
 * parameter of every service:
 * <ul>
 *     <li>no control character (Unicode's category Cc: NUL, line feed, tab, DEL, the C1 controls):
 *     rule {@code control_character};</li>
 *     <li>no invisible formatting character (category Cf: the bidi controls and isolates that
 *     reorder what a reader sees, zero-width spaces and joiners, the byte order mark, the soft
 *     hyphen): rule {@code invisible_character}. Emoji joined by a zero-width joiner are refused
 *     with them;</li>
 *     <li>well-formed Unicode only: no lone surrogate, no noncharacter (U+FDD0 to U+FDEF and
 *     the last two code points of every plane) and no U+FFFD, the replacement character a decoder
 *     puts where the bytes were not UTF-8 (a query's {@code %ED%A0%80}, say), so that text that did
 *     not arrive whole is refused instead of kept changed: rule {@code invalid_character};</li>
 *     <li>what is accepted is kept in Normalization Form C, so that the same words typed as
 *     composed or decomposed characters are the same text (a name, an address, a tag).</li>
 * </ul>
 */
public final class Text {

    /** What a decoder puts where bytes were not UTF-8, such as a percent-encoded surrogate in a query. */
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    /** What is wrong with a text, as a rule and the words for it. */
    public enum Fault {
        CONTROL("control_character", "must not contain control characters"),
        INVISIBLE("invisible_character",
                "must not contain invisible formatting characters (bidi controls, zero-width characters, byte order marks)"),
        INVALID("invalid_character",
                "must be well-formed Unicode (no lone surrogates, noncharacters or U+FFFD, which stands for bytes that were not UTF-8)");

        private final String rule;
        private final String words;

        Fault(String rule, String words) {
            this.rule = rule;
            this.words = words;
        }

        public String rule() {
            return rule;
        }

        /** The fault in words, as a field error says it: "must not contain control characters". */
        public String words() {
            return words;
        }

        /** The message for a field: "note must not contain control characters." */
        public String message(String field) {
            return field + " " + words + ".";
        }
    }

    private Text() {
    }

    /** The first fault of the text, if it has one. */
    public static Optional<Fault> fault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of(Fault.INVALID);
                }
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                Optional<Fault> fault = fault(codePoint);
                if (fault.isPresent()) {
                    return fault;
                }
            } else if (Character.isLowSurrogate(c)) {
                return Optional.of(Fault.INVALID);
            } else {
                Optional<Fault> fault = fault(c);
                if (fault.isPresent()) {
                    return fault;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Fault> fault(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.CONTROL) {
            return Optional.of(Fault.CONTROL);
        }
        if (type == Character.FORMAT) {
            return Optional.of(Fault.INVISIBLE);
        }
        if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE
                || codePoint == REPLACEMENT_CHARACTER) {
            return Optional.of(Fault.INVALID);
        }
        return Optional.empty();
    }

    /** The text as it is kept: in Normalization Form C. */
    public static String normalized(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The text, normalized, when it keeps the rule; otherwise a 400 naming {@code field} and the rule. */
    public static String checked(String field, String text) {
        Optional<Fault> fault = fault(text);
        if (fault.isPresent()) {
            throw new BadRequestException(field, fault.get().rule(), fault.get().message(field));
        }
        return normalized(text);
    }
}
