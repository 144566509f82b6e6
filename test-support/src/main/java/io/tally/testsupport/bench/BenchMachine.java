package io.tally.testsupport.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What a benchmark's figures depend on besides the code: the CPUs, the memory, the JVM, the
 * PostgreSQL server and its settings, and other builds seen sharing the CPUs.
 */
public final class BenchMachine {

    private final Map<String, String> facts = new LinkedHashMap<>();
    private final Set<String> otherBuilds = new LinkedHashSet<>();
    private final Consumer<String> say;

    private BenchMachine(Consumer<String> say) {
        this.say = say;
    }

    /** The facts, each said as it is found, and the other builds running at the start. */
    public static BenchMachine describe(BenchDatabase server, Consumer<String> say) throws SQLException {
        BenchMachine machine = new BenchMachine(say);
        machine.facts.put("cpus", Runtime.getRuntime().availableProcessors() + " ("
                + procLine("/proc/cpuinfo", "model name") + ")");
        machine.facts.put("memory", procLine("/proc/meminfo", "MemTotal"));
        machine.facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        try (Connection connection = server.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version(), current_setting('shared_buffers'), "
                     + "current_setting('synchronous_commit'), current_setting('max_connections')")) {
            rs.next();
            machine.facts.put("postgresql", rs.getString(1).replaceFirst(" on .*", "") + ", shared_buffers "
                    + rs.getString(2) + ", synchronous_commit " + rs.getString(3) + ", max_connections "
                    + rs.getString(4));
        }
        machine.facts.forEach((k, v) -> say.accept(k + ": " + v));
        machine.noteOtherBuilds("the start");
        return machine;
    }

    /** Other Maven or Surefire processes running now (not those waiting for the build lock): remembered. */
    public void noteOtherBuilds(String when) {
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self).forEach(p -> p.info().commandLine()
                .filter(line -> !line.startsWith("flock "))
                .filter(line -> line.contains("maven") || line.contains("surefire"))
                .ifPresent(line -> {
                    if (otherBuilds.add("pid " + p.pid())) {
                        say.accept("WARNING: another build at " + when + ": pid " + p.pid() + " ..."
                                + line.substring(Math.max(0, line.length() - 100)));
                    }
                }));
    }

    /**
     * Waits (at most a minute) until the machine's CPUs are nearly idle for two seconds in a row:
     * the services have caught up with what the step before wrote (their Kafka publishers and
     * projections run behind the writes), so that a step pays for its own work only.
     */
    public void awaitQuiet() throws InterruptedException {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return;
        }
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(1);
        int quiet = 0;
        double load = os.getCpuLoad();
        while (quiet < 2 && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            load = os.getCpuLoad();
            quiet = load >= 0 && load < 0.15 ? quiet + 1 : 0;
        }
        say.accept(String.format(Locale.ROOT, "  machine CPU load %.0f%%%s after %.1f s", 100 * load,
                quiet >= 2 ? " (quiet)" : ", NOT quiet; going on", (System.nanoTime() - started) / 1e9));
    }

    /** The facts, one a line, for the report. */
    public void print() {
        facts.forEach((k, v) -> System.out.printf("%-22s %s%n", k, v));
        System.out.printf("%-22s %s%n", "other Maven/Surefire", otherBuilds.isEmpty()
                ? "none seen (checked before every step)" : "SEEN, they shared the CPUs: " + otherBuilds);
    }

    /** The value after the colon of the first line of {@code file} starting with {@code prefix}, or "?". */
    public static String procLine(String file, String prefix) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
