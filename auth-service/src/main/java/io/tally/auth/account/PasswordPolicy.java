package io.tally.auth.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules for a password a person chooses: 12 to 128 characters, not their email, not one of
 * the commonly used passwords (compared ignoring case). Passwords the service generates do not
 * need them: they are long and random.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;
    private static final Set<String> COMMON = load("/common-passwords.txt");

    private PasswordPolicy() {
    }

    /** Refuses {@code password}, naming {@code field}, when it breaks a rule; {@code email} may be null. */
    public static void check(String field, String password, String email) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new WeakPasswordException("password_too_short", field,
                    "A password has at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            throw new WeakPasswordException("password_too_long", field,
                    "A password has at most " + MAX_LENGTH + " characters.");
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (email != null && folded.equals(email.strip().toLowerCase(Locale.ROOT))) {
            throw new WeakPasswordException("password_is_email", field, "A password must not be the email.");
        }
        if (COMMON.contains(folded)) {
            throw new WeakPasswordException("password_too_common", field,
                    "This password is one of the most commonly used; choose another.");
        }
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is part of auth-service");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .map(line -> line.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
