package io.tally.localstack;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The address every service of the stack listens on, with its API's port ({@code SERVER_ADDRESS}) and its management
 * port ({@code MANAGEMENT_SERVER_ADDRESS}) alike: the loopback interface, so that no other machine reaches a service,
 * unless {@code TALLY_BIND_ADDRESS} opens them, for instance {@code 0.0.0.0} for every interface. The launcher and the
 * gateway reach the services on 127.0.0.1, so the address must be that or a wildcard. Whatever it is, the services
 * believe {@code X-Forwarded-For} only from 127.0.0.1, where the gateway calls them from ({@code TALLY_TRUSTED_PROXIES});
 * a caller from elsewhere is known by its own address.
 */
record BindAddress(String address) {

    static final String VARIABLE = "TALLY_BIND_ADDRESS";
    static final BindAddress LOOPBACK = new BindAddress(Ports.LOOPBACK);
    private static final Set<String> REACHABLE_ON_LOOPBACK = Set.of(Ports.LOOPBACK, "0.0.0.0", "::", "0:0:0:0:0:0:0:0");

    static BindAddress fromEnvironment(Map<String, String> environment) {
        String configured = environment.getOrDefault(VARIABLE, "").strip();
        return configured.isEmpty() ? LOOPBACK : new BindAddress(configured);
    }

    boolean isLoopback() {
        return equals(LOOPBACK);
    }

    /** Empty when the services can listen there and still be reached on 127.0.0.1. */
    Optional<StartupProblem> problem() {
        return REACHABLE_ON_LOOPBACK.contains(address) ? Optional.empty() : Optional.of(new StartupProblem(
                VARIABLE + "=" + address + " would hide the services from the launcher and the gateway, which reach them"
                        + " on " + Ports.LOOPBACK + ".",
                "Set it to 0.0.0.0 (or ::) to open every interface, or leave it unset to stay on the loopback interface."));
    }
}
