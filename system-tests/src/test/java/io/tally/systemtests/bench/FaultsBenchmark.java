package io.tally.systemtests.bench;

import io.tally.systemtests.faults.FaultDrill;
import io.tally.systemtests.support.TallySystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * bench/faults.sh: the fault drill of FaultsSystemTest, longer and with more writers, its healing times printed and
 * kept in system-tests/target/faults-report.txt. Exits 1 when a check failed.
 *
 * <p>Settings (system properties, defaults in brackets): faults.writers [6] refill clients, faults.pauseMillis [50]
 * between one client's writes, faults.steadySeconds [20] of writes before the first fault and after each,
 * faults.observeSeconds [30] the least each fault is watched, faults.postgresDownSeconds [5] between PostgreSQL's
 * immediate stop and its start.
 */
public final class FaultsBenchmark {

    private FaultsBenchmark() {
    }

    public static void main(String[] arguments) throws IOException {
        FaultDrill.Settings settings = new FaultDrill.Settings(Integer.getInteger("faults.writers", 6),
                Long.getLong("faults.pauseMillis", 50), 1000 * Long.getLong("faults.steadySeconds", 20),
                1000 * Long.getLong("faults.observeSeconds", 30), 1000 * Long.getLong("faults.postgresDownSeconds", 5));
        System.out.println(Instant.now() + " starting two instances of every service, two gateways, a broker and a "
                + "PostgreSQL cluster of the drill's own; " + settings);
        TallySystem system = TallySystem.start(TallySystem.Layout.faults());
        // Ctrl-C too stops the processes and drops the PostgreSQL cluster the drill made.
        Runtime.getRuntime().addShutdownHook(new Thread(system::close, "faults-benchmark-stop"));
        FaultDrill.Outcome outcome;
        try {
            outcome = new FaultDrill(system, settings, line -> System.out.println(Instant.now() + " " + line)).run();
        } finally {
            system.close();
        }
        String report = "Fault drill of " + Instant.now() + ", " + settings + "\n" + outcome.report();
        System.out.print(report);
        Path file = Path.of("system-tests", "target", "faults-report.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
        System.out.println("kept in " + file);
        System.exit(outcome.problems().isEmpty() ? 0 : 1);
    }
}
