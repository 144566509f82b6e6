package io.tally.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which planned services start: those whose jar exists. The others are skipped, visibly. The
 * gateway is held back when auth-service is not built: it accepts auth-service's tokens only,
 * not the launcher's development tokens, so it could serve nothing but sign-in failures.
 */
record LaunchPlan(List<Service> built, List<Service> notBuilt, List<Service> heldBack) {

    LaunchPlan(List<Service> built, List<Service> notBuilt) {
        this(built, notBuilt, List.of());
    }

    static LaunchPlan of(List<Service> planned, Path repositoryRoot, String version) {
        List<Service> built = new ArrayList<>();
        List<Service> notBuilt = new ArrayList<>();
        for (Service service : planned) {
            (Files.isRegularFile(service.jar(repositoryRoot, version)) ? built : notBuilt).add(service);
        }
        List<Service> heldBack = new ArrayList<>();
        if (built.contains(Services.GATEWAY) && !built.contains(Services.AUTH)) {
            built.remove(Services.GATEWAY);
            heldBack.add(Services.GATEWAY);
        }
        return new LaunchPlan(List.copyOf(built), List.copyOf(notBuilt), List.copyOf(heldBack));
    }

    boolean includes(Service service) {
        return built.contains(service);
    }

    /** For a service that does not start. */
    String whyNotStarted(Service service) {
        return heldBack.contains(service) ? "needs auth-service, which is not built" : "not built";
    }

    List<String> skipMessages() {
        return Stream.concat(notBuilt.stream(), heldBack.stream())
                .map(service -> "skipped " + service.module() + ": " + whyNotStarted(service))
                .toList();
    }
}
