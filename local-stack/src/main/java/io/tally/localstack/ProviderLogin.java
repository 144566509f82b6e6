package io.tally.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

/**
 * The provider operator's login that auth-service bootstraps on its first start. auth-service
 * creates the account once and keeps it, so the password must stay the same from one run of the
 * stack to the next: it comes from TALLY_PROVIDER_PASSWORD, else from a file under .local-stack
 * (readable by its owner only), else it is generated once into that file.
 */
record ProviderLogin(String username, String password) {

    static final String DEFAULT_USERNAME = "provider@tally.local";
    static final String USERNAME_VARIABLE = "PROVIDER_USERNAME";
    static final String PASSWORD_VARIABLE = "PROVIDER_PASSWORD";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 24;

    static ProviderLogin resolve(Map<String, String> environment, Path repositoryRoot) {
        String username = environment.getOrDefault("TALLY_PROVIDER_USERNAME", DEFAULT_USERNAME);
        String configured = environment.get("TALLY_PROVIDER_PASSWORD");
        if (configured != null && !configured.isBlank()) {
            return new ProviderLogin(username, configured);
        }
        Path file = repositoryRoot.resolve(".local-stack").resolve("provider-password");
        try {
            if (Files.exists(file)) {
                return new ProviderLogin(username, Files.readString(file, StandardCharsets.UTF_8).strip());
            }
            Files.createDirectories(file.getParent());
            String generated = generate();
            // Owner-only from the moment it exists, before the password is in it.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            return new ProviderLogin(username, generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the provider password in " + file, e);
        }
    }

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    Map<String, String> environment() {
        return Map.of("TALLY_PROVIDER_USERNAME", username, "TALLY_PROVIDER_PASSWORD", password);
    }

    /** Its lines in the credentials file, which the summary's sign-in command reads. */
    Map<String, String> credentials() {
        return Map.of(USERNAME_VARIABLE, username, PASSWORD_VARIABLE, password);
    }
}
