package io.tally.service.web;

import java.util.regex.Pattern;

/**
 * The one email rule of every service: {@code local@domain.tld}, one {@code @}, no whitespace and no control
 * character, at most {@value #MAX_LENGTH} characters. The pattern is written so that Java's and JavaScript's regular
 * expressions read it alike (no {@code \p{...}} classes), for Bean Validation ({@code @Email(regexp = PATTERN)}) and
 * for the API document.
 */
public final class EmailAddress {

    public static final String PATTERN =
            "^[^@\\s\\x00-\\x1F\\x7F]+@[^@\\s\\x00-\\x1F\\x7F]+\\.[^@\\s\\x00-\\x1F\\x7F]+$";
    public static final int MAX_LENGTH = 254;

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private EmailAddress() {
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && COMPILED.matcher(value).matches();
    }
}
