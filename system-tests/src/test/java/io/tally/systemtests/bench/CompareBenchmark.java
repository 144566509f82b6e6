package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.ClosedLoop;
import io.tally.testsupport.bench.Pgbench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * pgbench and Tally's writes side by side, in one run on this machine: at each client count,
 * PostgreSQL's pgbench (its TPC-B-like script on a database of its own) and then refills of one
 * platform's customers through the gateway and straight at credit-ledger-service, on the real
 * local stack (started by {@code bench/compare.sh}). A refill row is over only once every
 * processor has applied its writes ({@link CatchUp}), and its CPU is that of the whole stack — the
 * gateway, the services, the Kafka broker and every PostgreSQL process — from its start until
 * then ({@link ProcCpu}); pgbench's is that of PostgreSQL and pgbench itself. Not a test: nothing
 * runs it in CI. Settings are system properties, see {@link Settings}.
 */
public final class CompareBenchmark {

    private static final long STARTED = System.nanoTime();
    private static final String POOL_TOTAL = "1000000.00";
    private static final String PGBENCH_DATABASE = "bench_pgbench";

    /** The benchmark's knobs, as system properties with these defaults; the provider's login comes from the environment. */
    record Settings(long launcherPid, URI gatewayUrl, URI ledgerUrl, List<CatchUp.Service> services,
                    String providerUsername, int customers, List<Integer> clients, int seconds, int warmupSeconds,
                    int jvmWarmupSeconds, int pgbenchScale, String pgbench, int catchUpPollMillis,
                    int catchUpTimeoutSeconds, String commit, Path outputDirectory) {

        static Settings fromSystemProperties() {
            String pid = System.getProperty("bench.launcherPid");
            if (pid == null) {
                throw new IllegalArgumentException("bench.launcherPid (the local stack's launcher) is not set: "
                        + "run bench/compare.sh");
            }
            return new Settings(Long.parseLong(pid),
                    URI.create(System.getProperty("bench.gatewayUrl", "http://127.0.0.1:8780")),
                    URI.create(System.getProperty("bench.ledgerUrl", "http://127.0.0.1:8782")),
                    List.of(service("customer-service", "bench.customerManagementUrl", 9781, "customers"),
                            service("credit-ledger-service", "bench.ledgerManagementUrl", 9782, "ledger"),
                            service("auth-service", "bench.authManagementUrl", 9783, "auth")),
                    System.getenv().getOrDefault("TALLY_PROVIDER_USERNAME", "provider@tally.local"),
                    Integer.getInteger("bench.customers", 200),
                    Arrays.stream(System.getProperty("bench.clients", "1,8").split(","))
                            .map(String::strip).map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.pgbenchSeconds", 15),
                    Integer.getInteger("bench.warmupSeconds", 5),
                    Integer.getInteger("bench.jvmWarmupSeconds", 60),
                    Integer.getInteger("bench.pgbenchScale", 32),
                    System.getProperty("bench.pgbench", "pgbench"),
                    Integer.getInteger("bench.catchUpPollMillis", 50),
                    Integer.getInteger("bench.catchUpTimeoutSeconds", 120),
                    System.getProperty("bench.commit", "unknown"),
                    Path.of(System.getProperty("bench.outputDirectory", "system-tests/target")));
        }

        private static CatchUp.Service service(String name, String property, int defaultPort, String database) {
            return new CatchUp.Service(name, URI.create(System.getProperty(property, "http://127.0.0.1:" + defaultPort)),
                    database);
        }

        int mostClients() {
            return clients.stream().max(Integer::compare).orElse(1);
        }
    }

    /** What a row measured: pgbench's transactions, or refills through the gateway or straight at the ledger. */
    enum Target {
        PGBENCH("pgbench"), GATEWAY("gateway"), DIRECT("direct");

        final String key;

        Target(String key) {
            this.key = key;
        }
    }

    /**
     * One row: {@code done} transactions or refills over {@code writingSeconds}, then the catch-up
     * (none for pgbench), and the CPU time each part used over both.
     */
    record Row(int clients, Target target, long done, double writingSeconds, double perSecond, CatchUp.Result catchUp,
               ProcCpu.Usage cpu, String latency, long errors) {

        double catchUpSeconds() {
            return catchUp == null ? 0 : catchUp.seconds();
        }

        /** pgbench's own tps (without its connection time); a refill row's over the writing and the catch-up. */
        double perSecondWithCatchUp() {
            return target == Target.PGBENCH ? perSecond : done / (writingSeconds + catchUpSeconds());
        }

        /** pgbench's: PostgreSQL and pgbench; Tally's: the stack's processes and PostgreSQL. */
        double cpuMs() {
            return cpu.postgresMs() + (target == Target.PGBENCH ? cpu.childrenMs() : cpu.stackTotalMs());
        }

        double cpuMsEach() {
            return cpuMs() / done;
        }
    }

    private final Settings settings;
    private final String providerPassword;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final ClosedLoop loop = new ClosedLoop(CompareBenchmark::say);
    private final OddAnswers odd = new OddAnswers(CompareBenchmark::say);
    private final Api gateway;
    private final Api ledger;
    private final StackProcesses stack;
    private final BenchPlatform platform;
    private final Refills refills;
    private final int cores = Runtime.getRuntime().availableProcessors();
    private BenchMachine machine;
    private ProcCpu cpu;
    private Pgbench pgbench;
    private CatchUp catchUp;

    private CompareBenchmark(Settings settings, String providerPassword) {
        this.settings = settings;
        this.providerPassword = providerPassword;
        this.gateway = new Api(settings.gatewayUrl());
        this.ledger = new Api(settings.ledgerUrl());
        this.stack = new StackProcesses(settings.launcherPid());
        this.platform = new BenchPlatform(gateway, CompareBenchmark::say);
        this.refills = new Refills(platform, odd);
    }

    public static void main(String[] args) {
        StackBenchmarkMain.run(providerPassword ->
                new CompareBenchmark(Settings.fromSystemProperties(), providerPassword).run());
    }

    private void run() throws Exception {
        say("pgbench and Tally's writes, " + settings);
        machine = BenchMachine.describe(server, CompareBenchmark::say);
        stack.expectRunning(CompareBenchmark::say);
        cpu = new ProcCpu(stack, clockTicksPerSecond());
        say("1. setup through the gateway: platform, admin, pool " + POOL_TOTAL + ", " + settings.customers()
                + " customers");
        platform.create(settings.providerUsername(), providerPassword, POOL_TOTAL, settings.customers());
        pgbench = new Pgbench(settings.pgbench(), server, PGBENCH_DATABASE);
        try (CatchUp caughtUp = new CatchUp(gateway, platform, server, settings.services(),
                settings.catchUpPollMillis(), settings.catchUpTimeoutSeconds(), CompareBenchmark::say)) {
            catchUp = caughtUp;
            server.recreate(PGBENCH_DATABASE);
            say("1. pgbench -i -s " + settings.pgbenchScale() + " on the database " + PGBENCH_DATABASE + " ("
                    + settings.pgbenchScale() * 100_000L + " accounts)");
            say("  " + pgbench.initialise(settings.pgbenchScale()) + " The database holds " + size(PGBENCH_DATABASE)
                    + ".");
            say("1. what the rows wait for before they end:");
            catchUp.discover();
            List<Row> rows = measure();
            machine.noteOtherBuilds("the end");
            new CompareReport(settings, machine, odd, postgresVersion(), stackJvms(), STARTED).print(rows);
        } finally {
            server.drop(PGBENCH_DATABASE);
        }
    }

    private List<Row> measure() throws Exception {
        warmUpJvms();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < settings.clients().size(); i++) {
            int clients = settings.clients().get(i);
            rows.add(pgbench(clients));
            // The order of the two refill rows alternates from one client count to the next, to spread drift.
            List<Target> order = i % 2 == 0 ? List.of(Target.GATEWAY, Target.DIRECT) : List.of(Target.DIRECT,
                    Target.GATEWAY);
            for (Target target : order) {
                rows.add(refills(clients, target));
            }
        }
        return rows;
    }

    /** The stack's JVMs are cold: refills through the gateway at the most clients first, not counted. */
    private void warmUpJvms() throws Exception {
        if (settings.jvmWarmupSeconds() <= 0) {
            return;
        }
        machine.awaitQuiet();
        say(String.format(Locale.ROOT, "2. JVM warm-up: refills through the gateway at %d clients for %d s, not counted",
                settings.mostClients(), settings.jvmWarmupSeconds()));
        loop.run("JVM warm-up", settings.mostClients(), settings.jvmWarmupSeconds(), 0,
                refills.clients(gateway, settings.mostClients(), "jvm"));
        say("  " + catchUp.await(refills.balances()).brief());
    }

    private Row pgbench(int clients) throws Exception {
        say(String.format(Locale.ROOT, "3. pgbench, %d clients: %d s warm-up (after pgbench's vacuum)", clients,
                settings.warmupSeconds()));
        pgbench.run(clients, cores, settings.warmupSeconds(), true);
        beforeRow("pgbench at " + clients + " clients");
        ProcCpu.Reading start = cpu.read();
        Pgbench.Run run = pgbench.run(clients, cores, settings.seconds(), false);
        awaitPgbenchBackendsGone();
        Row row = new Row(clients, Target.PGBENCH, run.transactions(), settings.seconds(), run.tps(), null,
                cpu.read().since(start), String.format(Locale.ROOT, "avg %.2f", run.latencyMs()), run.failed());
        say(String.format(Locale.ROOT, "  pgbench, %d clients (%d threads): %.1f tps, %d transactions, latency "
                        + "average %.2f ms; CPU %.3f ms a transaction", clients, run.threads(), run.tps(),
                run.transactions(), run.latencyMs(), row.cpuMsEach()));
        return row;
    }

    private Row refills(int clients, Target target) throws Exception {
        Api api = target == Target.GATEWAY ? gateway : ledger;
        String name = target.key + clients;
        platform.refreshAdminTokenIfOld();
        say(String.format(Locale.ROOT, "3. refills %s (%s), %d clients over %d customers: %d s warm-up", target.key,
                api.base(), clients, settings.customers(), settings.warmupSeconds()));
        loop.run(name + " warm-up", clients, settings.warmupSeconds(), 0, refills.clients(api, clients, name + "w"));
        say("  warm-up " + catchUp.await(refills.balances()).brief());
        beforeRow(target.key + " at " + clients + " clients");
        long appliedBefore = refills.applied();
        ProcCpu.Reading start = cpu.read();
        ClosedLoop.Result result = loop.run(name, clients, 0, settings.seconds(), refills.clients(api, clients, name));
        double writing = SystemBenchmark.secondsSince(start.at());
        CatchUp.Result caught = catchUp.await(refills.balances());
        ProcCpu.Usage used = cpu.read().since(start);
        long done = refills.applied() - appliedBefore;
        Row row = new Row(clients, target, done, writing, done / writing, caught, used,
                String.format(Locale.ROOT, "p50 %.1f, p99 %.1f", result.latency().ms(50), result.latency().ms(99)),
                result.errors());
        say(String.format(Locale.ROOT, "  %s, %d clients: %d refills in %.2f s, %.1f/s; %s; %.1f/s with the "
                        + "catch-up; CPU %.3f ms a refill (the JIT compilers %.3f); latency %s ms, %d errors", target.key,
                clients, done, writing, row.perSecond(), caught.brief(), row.perSecondWithCatchUp(), row.cpuMsEach(),
                used.jitMs() / done, row.latency(), row.errors()));
        return row;
    }

    /**
     * Every row starts alike: after a checkpoint (so that none lands in a row at random, and every
     * row pays for the full-page writes after one), with the CPUs quiet.
     */
    private void beforeRow(String what) throws Exception {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        machine.awaitQuiet();
        machine.noteOtherBuilds(what);
        say("  measuring " + what + " for " + settings.seconds() + " s");
    }

    /** pgbench's backends end a moment after pgbench; their CPU time counts once the postmaster has reaped them. */
    private void awaitPgbenchBackendsGone() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Connection connection = server.connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                         + PGBENCH_DATABASE + "'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        odd.note("pgbench's backends were still there 10 s after it ended");
    }

    /** Each stack process (the launcher left out) and the JVM options it runs with. */
    private String stackJvms() throws IOException {
        List<String> jvms = new ArrayList<>();
        List<Long> tree = stack.tree();
        for (long pid : tree.subList(1, tree.size())) {
            String options = StackProcesses.jvmOptions(pid);
            jvms.add(stack.name(pid) + " `" + (options.isEmpty() ? "(the JVM's defaults)" : options) + "`");
        }
        return String.join("; ", jvms);
    }

    private String size(String database) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_size_pretty(pg_database_size('" + database + "'))")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String postgresVersion() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('shared_buffers'), current_setting('synchronous_commit')")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1).replaceFirst(" .*", "") + " (shared_buffers " + rs.getString(2)
                    + ", synchronous_commit " + rs.getString(3) + ")";
        }
    }

    /** USER_HZ, the unit of /proc/&lt;pid&gt;/stat's times (run before anything is measured: getconf is a child too). */
    private static long clockTicksPerSecond() throws IOException, InterruptedException {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
        String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        getconf.waitFor();
        return out.matches("\\d+") ? Long.parseLong(out) : 100;
    }

    static void say(String message) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", SystemBenchmark.secondsSince(STARTED), message);
        System.out.flush();
    }
}
