package io.tally.ledger.bench;

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
 * PostgreSQL's own pgbench with its built-in TPC-B-like script (five statements in one
 * transaction: three updates, a select and an insert): what the server does for a small
 * write transaction, the yardstick for the ledger's writes on the same server.
 */
final class PgBench {

    /** One pgbench run's figures; tps without the time to open the connections. */
    record Run(int clients, int threads, long transactions, long failed, double tps, double latencyMs) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");
    private static final Pattern THREADS = Pattern.compile("number of threads: (\\d+)");

    private final String executable;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;

    PgBench(String executable, String host, int port, String user, String password, String database) {
        this.executable = executable;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    boolean available() {
        return Files.isExecutable(Path.of(executable));
    }

    /**
     * Fills the (existing, empty) database with pgbench's tables at {@code scale}: 100,000 accounts
     * per unit. Answers pgbench's last line, the time each part took.
     */
    String initialise(int scale) throws IOException, InterruptedException {
        String out = pgbench("-i", "-q", "-s", Integer.toString(scale)).strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    /** {@code clients} connections for {@code seconds}, prepared statements, at most two threads. */
    Run run(int clients, int seconds) throws IOException, InterruptedException {
        String out = pgbench("-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
                "-M", "prepared");
        return new Run(clients, (int) number(THREADS, out), (long) number(TRANSACTIONS, out),
                (long) number(FAILED, out), number(TPS, out), number(LATENCY, out));
    }

    private String pgbench(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable, "-h", host, "-p", Integer.toString(port),
                "-U", user));
        command.addAll(List.of(arguments));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
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
