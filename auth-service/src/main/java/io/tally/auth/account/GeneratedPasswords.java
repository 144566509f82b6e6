package io.tally.auth.account;

import java.security.SecureRandom;

/**
 * Passwords the service chooses: 20 characters from an alphabet without look-alikes (no 0/O,
 * 1/l/I), about 115 bits of entropy, easy to read out and type from a screen.
 */
final class GeneratedPasswords {

    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
