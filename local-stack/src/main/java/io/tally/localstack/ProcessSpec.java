package io.tally.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How to start one child process, and how its lines look on the console. */
record ProcessSpec(String name, String label, Console.Colour colour, List<String> command,
                   Map<String, String> environment, Path directory) {

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
