package io.tally.localstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One Spring Boot service of the system: its Maven module, console label, port, management port (the actuator:
 * health, metrics, its API document), database, and the actuator path that answers UP once it may take requests.
 */
record Service(String module, String label, Console.Colour colour, int basePort, int baseManagementPort,
               Optional<String> database, String healthPath) {

    Path jar(Path repositoryRoot, String version) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }
}
