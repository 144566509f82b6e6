package io.tally.localstack;

import java.nio.file.Path;
import java.util.Optional;

/** One Spring Boot service of the system: its Maven module, console label, port and database. */
record Service(String module, String label, Console.Colour colour, int basePort, Optional<String> database) {

    Path jar(Path repositoryRoot, String version) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }
}
