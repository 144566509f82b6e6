package io.tally.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Which planned services start: those whose jar exists. The others are skipped, visibly. */
record LaunchPlan(List<Service> built, List<Service> notBuilt) {

    static LaunchPlan of(List<Service> planned, Path repositoryRoot, String version) {
        Map<Boolean, List<Service>> byBuilt = planned.stream()
                .collect(Collectors.partitioningBy(service -> Files.isRegularFile(service.jar(repositoryRoot, version))));
        return new LaunchPlan(byBuilt.get(true), byBuilt.get(false));
    }

    boolean includes(Service service) {
        return built.contains(service);
    }

    List<String> skipMessages() {
        return notBuilt.stream().map(service -> "skipped " + service.module() + ": not built").toList();
    }
}
