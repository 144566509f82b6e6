package io.tally.testsupport.bench;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's pgbench on a database of its own: its built-in TPC-B-like script (three updates, a
 * select and an insert in one transaction) with prepared statements, the yardstick for a small write
 * transaction on this server. pgbench runs as a child of this JVM, so that its CPU time lands in the
 * JVM's cutime and cstime once it ended. The ledger's benchmark and the whole system's comparison both use it.
 */
public final class Pgbench {

    /** One timed run: transactions done and failed, tps without the time to open the connections, their average latency. */
    public record Run(int clients, int threads, long transactions, long failed, double tps, double latencyMs) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final String executable;
    private final BenchDatabase server;
    private final String database;

    public Pgbench(String executable, BenchDatabase server, String database) {
        this.executable = executable;
        this.server = server;
        this.database = database;
    }

    /** Whether pgbench is there to be run (it comes with PostgreSQL's server packages). */
    public boolean available() {
        return Files.isExecutable(Path.of(executable));
    }

    /** pgbench's tables at {@code scale} (100,000 accounts a unit) in the existing, empty database; its last line. */
    public String initialise(int scale) throws IOException, InterruptedException {
        String out = run(List.of("-i", "-q", "-s", Integer.toString(scale))).strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    /**
     * {@code clients} connections on at most {@code cores} threads for {@code seconds}; without its
     * vacuum of the tables before the run when {@code vacuum} is false (so that a measured run is
     * the transactions alone).
     */
    public Run run(int clients, int cores, int seconds, boolean vacuum) throws IOException, InterruptedException {
        int threads = Math.min(clients, cores);
        List<String> arguments = new ArrayList<>(List.of("-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(threads), "-T", Integer.toString(seconds)));
        if (!vacuum) {
            arguments.add("-n");
        }
        String out = run(arguments);
        return new Run(clients, threads, (long) number(TRANSACTIONS, out), (long) number(FAILED, out),
                number(TPS, out), number(LATENCY, out));
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-h", server.host(), "-p",
                Integer.toString(server.port()), "-U", server.user()));
        command.addAll(arguments);
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (server.password() != null && !server.password().isEmpty()) {
            builder.environment().put("PGPASSWORD", server.password());
        }
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroy();
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private static double number(Pattern pattern, String out) {
        Matcher matcher = pattern.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no " + pattern + ":\n" + out);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
