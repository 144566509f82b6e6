package io.tally.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's JVM settings (heap, class metadata, compiled code, direct buffers, stacks), kept once for every way
 * of running it in {@code deploy/jvm/<module>.env}: {@code NAME=value} lines, {@code #} comments, as docker-compose
 * reads an {@code env_file}. The local stack gives the service these variables; the java launcher applies
 * {@code JDK_JAVA_OPTIONS}.
 */
final class JvmSettings {

    static final String DIRECTORY = "deploy/jvm";
    /** What each file must bound, so that no service runs with the JVM's machine-sized defaults. */
    static final List<String> REQUIRED_OPTIONS = List.of("-Xmx", "-XX:MaxMetaspaceSize=");

    private JvmSettings() {
    }

    static Map<String, String> of(Path repositoryRoot, Service service) {
        Path file = repositoryRoot.resolve(DIRECTORY).resolve(service.module() + ".env");
        try {
            return parse(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the JVM settings of " + service.module() + " in " + file, e);
        }
    }

    static Map<String, String> parse(Path file, List<String> lines) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals <= 0) {
                throw new IllegalStateException(file + ": not a NAME=value line: " + line);
            }
            variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        String options = variables.getOrDefault("JDK_JAVA_OPTIONS", "");
        for (String required : REQUIRED_OPTIONS) {
            if (!options.contains(required)) {
                throw new IllegalStateException(file + ": JDK_JAVA_OPTIONS sets no " + required);
            }
        }
        return variables;
    }
}
