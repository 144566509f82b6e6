package io.tally.systemtests.faults;

import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.ServiceProcess;
import io.tally.systemtests.support.TallySystem;

import java.util.List;

/**
 * One fault of the drill: what breaks ({@code inject}, which returns once the fault has happened, a restart once
 * the part is back) and what mends afterwards ({@code mend}: a killed instance started again, ready).
 */
record Fault(String name, Runnable inject, Runnable mend) {

    /** SIGKILL of one instance; started again (and waited for) once the healing is timed. */
    static Fault kill(ServiceProcess instance, String which) {
        return new Fault("SIGKILL " + which, instance::kill, () -> {
            instance.start();
            instance.awaitReady();
        });
    }

    /** The drill's faults in order: each instance kind killed, the broker and PostgreSQL restarted, PostgreSQL crashed. */
    static List<Fault> all(TallySystem system, long postgresDownMillis) {
        return List.of(
                kill(system.instances(TallySystem.LEDGER).get(0), "credit-ledger-service (1 of 2)"),
                kill(system.instances(TallySystem.CUSTOMER).get(0), "customer-service (1 of 2)"),
                // The second auth-service: the first serves the keys (JWKS) every service was given.
                kill(system.instances(TallySystem.AUTH).get(1), "auth-service (2 of 2)"),
                kill(system.instances(TallySystem.GATEWAY).get(1), "api-gateway (2 of 2)"),
                new Fault("Kafka broker restarted (SIGTERM, started again)", () -> {
                    system.brokerProcess().stop();
                    system.brokerProcess().start();
                }, () -> { }),
                new Fault("PostgreSQL restarted (fast shutdown)", system.postgresCluster()::restart, () -> { }),
                new Fault("PostgreSQL stopped at once (immediate), started " + postgresDownMillis / 1000.0 + " s later",
                        () -> {
                            system.postgresCluster().stopImmediately();
                            Console.pause(postgresDownMillis);
                            system.postgresCluster().start();
                        }, () -> { }));
    }
}
