package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.ClosedLoop;
import io.tally.testsupport.bench.ClosedLoop.Result;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The system benchmark: the real local stack (local-stack's launcher, its Kafka broker, the three
 * services and the gateway, each a process of its own, on the local PostgreSQL), driven over
 * HTTP as a client would drive it. Started by {@code bench/system.sh}, which starts the stack and
 * passes the launcher's process id and the addresses. Steps:
 * <ol>
 *   <li>setup through the gateway: a platform, its admin and pool, and customers the ledger knows;
 *       then the stack's memory at rest;</li>
 *   <li>projection lag through Kafka under a steady load through the gateway, with the stack's
 *       memory (peak) and CPU under that load;</li>
 *   <li>ledger writes (refills) at each client count, straight at credit-ledger-service and
 *       through the gateway in the same run, and the gateway's cost as a ratio.</li>
 * </ol>
 * The steady load comes before the closed-loop writes: a JVM seldom gives back heap it grew, so
 * after the writes at full speed the memory "under the steady load" would be theirs.
 * The HTTP clients run in this JVM on the same cores as the stack and PostgreSQL. Settings are
 * system properties, see {@link Settings}.
 */
public final class SystemBenchmark {

    private static final long STARTED = System.nanoTime();
    private static final String POOL_TOTAL = "1000000.00";
    private static final String DIRECT = "direct";
    private static final String GATEWAY = "gateway";

    /** The benchmark's knobs, as system properties with these defaults; the provider's login comes from the environment. */
    record Settings(long launcherPid, URI gatewayUrl, URI ledgerUrl, URI ledgerManagementUrl,
                    URI customerManagementUrl, String providerUsername,
                    int customers, int restSeconds, int lagRate, int lagSeconds, int lagRampSeconds,
                    int lagWarmupSeconds, int lagThreads,
                    int probeMillis, int pollMillis, int probeCustomers, int lagTargetMillis, List<Integer> clients,
                    int seconds, int warmupSeconds, int jvmWarmupSeconds) {

        static Settings fromSystemProperties() {
            String pid = System.getProperty("bench.launcherPid");
            if (pid == null) {
                throw new IllegalArgumentException("bench.launcherPid (the local stack's launcher) is not set: "
                        + "run bench/system.sh");
            }
            return new Settings(Long.parseLong(pid),
                    URI.create(System.getProperty("bench.gatewayUrl", "http://127.0.0.1:8580")),
                    URI.create(System.getProperty("bench.ledgerUrl", "http://127.0.0.1:8582")),
                    URI.create(System.getProperty("bench.ledgerManagementUrl", "http://127.0.0.1:9582")),
                    URI.create(System.getProperty("bench.customerManagementUrl", "http://127.0.0.1:9581")),
                    System.getenv().getOrDefault("TALLY_PROVIDER_USERNAME", "provider@tally.local"),
                    Integer.getInteger("bench.customers", 200),
                    Integer.getInteger("bench.restSeconds", 10),
                    Integer.getInteger("bench.lagRate", 150),
                    Integer.getInteger("bench.lagSeconds", 30),
                    Integer.getInteger("bench.lagRampSeconds", 40),
                    Integer.getInteger("bench.lagWarmupSeconds", 150),
                    Integer.getInteger("bench.lagThreads", 16),
                    Integer.getInteger("bench.probeMillis", 100),
                    Integer.getInteger("bench.pollMillis", 5),
                    Integer.getInteger("bench.probeCustomers", 10),
                    Integer.getInteger("bench.lagTargetMillis", 1000),
                    Arrays.stream(System.getProperty("bench.clients", "8,32").split(","))
                            .map(String::strip).map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.seconds", 20),
                    Integer.getInteger("bench.warmupSeconds", 5),
                    Integer.getInteger("bench.jvmWarmupSeconds", 30));
        }

        int mostClients() {
            return clients.stream().max(Integer::compare).orElse(1);
        }
    }

    /** One client count's write runs, straight at the ledger and through the gateway. */
    record Writes(int clients, String order, Result direct, Result gateway) {
    }

    /** The stack's memory after setup and a pause. */
    record AtRest(StackProcesses.Snapshot stack, PostgresBackends.Snapshot postgres) {
    }

    private final Settings settings;
    private final String providerPassword;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final ClosedLoop loop = new ClosedLoop(SystemBenchmark::say);
    private final OddAnswers odd = new OddAnswers(SystemBenchmark::say);
    private final Api gateway;
    private final Api ledger;
    private final StackProcesses stack;
    private final PostgresBackends postgres = new PostgresBackends(server);
    private final BenchPlatform platform;
    private final Refills refills;
    private BenchMachine machine;

    private SystemBenchmark(Settings settings, String providerPassword) {
        this.settings = settings;
        this.providerPassword = providerPassword;
        this.gateway = new Api(settings.gatewayUrl());
        this.ledger = new Api(settings.ledgerUrl());
        this.stack = new StackProcesses(settings.launcherPid());
        this.platform = new BenchPlatform(gateway, SystemBenchmark::say);
        this.refills = new Refills(platform, odd);
    }

    public static void main(String[] args) {
        StackBenchmarkMain.run(providerPassword ->
                new SystemBenchmark(Settings.fromSystemProperties(), providerPassword).run());
    }

    private void run() throws Exception {
        say("system benchmark, " + settings);
        machine = BenchMachine.describe(server, SystemBenchmark::say);
        stack.expectRunning(SystemBenchmark::say);
        // The services answer health on their management ports alone.
        expectUp("credit-ledger-service", new Api(settings.ledgerManagementUrl()));
        expectUp("customer-service", new Api(settings.customerManagementUrl()));
        if (settings.lagRampSeconds() > settings.lagWarmupSeconds()) {
            throw new IllegalArgumentException("bench.lagRampSeconds must be within bench.lagWarmupSeconds");
        }
        if (settings.customers() < settings.probeCustomers() + settings.mostClients()) {
            throw new IllegalArgumentException("bench.customers must be at least the most clients plus "
                    + "bench.probeCustomers");
        }

        say("1. setup through the gateway: platform, admin, pool " + POOL_TOTAL + ", " + settings.customers()
                + " customers");
        platform.create(settings.providerUsername(), providerPassword, POOL_TOTAL, settings.customers());
        AtRest atRest = atRest();

        platform.refreshAdminTokenIfOld();
        machine.awaitQuiet();
        machine.noteOtherBuilds("projection lag");
        UsageSampler lagSampler = UsageSampler.start(stack, postgres, odd);
        ProjectionLag.Result lag = lag();
        UsageSampler.Usage underLoad = lagSampler.stop();
        StageDelays delays = StageDelays.read(new Api(settings.ledgerManagementUrl()),
                new Api(settings.customerManagementUrl()));
        say("  delay by stage (the services' own measure): " + delays.describe());

        UsageSampler writeSampler = UsageSampler.start(stack, postgres, odd);
        warmUpJvms();
        List<Writes> writes = new ArrayList<>();
        for (int i = 0; i < settings.clients().size(); i++) {
            writes.add(writes(settings.clients().get(i), i % 2 == 0));
        }
        UsageSampler.Usage duringWrites = writeSampler.stop();
        machine.noteOtherBuilds("the end");
        Report report = new Report(settings, machine, odd, STARTED);
        report.print(atRest, lag, delays, underLoad, writes, duringWrites);
    }

    /** After setup, some seconds without requests, then the memory of the stack. */
    private AtRest atRest() throws Exception {
        say("1. the stack at rest: " + settings.restSeconds() + " s without requests, then its memory");
        TimeUnit.SECONDS.sleep(settings.restSeconds());
        AtRest atRest = new AtRest(stack.snapshot(), postgres.snapshot());
        atRest.stack().processes().forEach(p -> say(String.format(Locale.ROOT, "  %-24s pid %-7d %8.1f MB", p.name(),
                p.pid(), p.rssKb() / 1024.0)));
        say(String.format(Locale.ROOT, "  total %.1f MB; PostgreSQL backends of the stack's databases: %d, "
                        + "%.1f MB of their own", atRest.stack().totalKb() / 1024.0, atRest.postgres().backends(),
                atRest.postgres().privateKb() / 1024.0));
        return atRest;
    }

    // ---------------------------------------------------------------- 2: projection lag under a steady load

    private ProjectionLag.Result lag() throws InterruptedException {
        List<String> customers = platform.customers();
        List<String> probeCustomers = customers.subList(customers.size() - settings.probeCustomers(), customers.size());
        List<String> loadCustomers = customers.subList(0, customers.size() - settings.probeCustomers());
        say(String.format(Locale.ROOT, "2. projection lag: %d refills/s through the gateway over %d customers from %d "
                        + "threads, %d s warm-up (the JVMs' first load; the rate rising over its first %d s), %d s "
                        + "measured; a probe every %d ms on %d other customers, reading the row every %d ms",
                settings.lagRate(), loadCustomers.size(), settings.lagThreads(), settings.lagWarmupSeconds(),
                settings.lagRampSeconds(), settings.lagSeconds(), settings.probeMillis(), probeCustomers.size(),
                settings.pollMillis()));
        ProjectionLag.Result lag = new ProjectionLag(gateway, platform, odd, SystemBenchmark::say)
                .run(settings.lagRate(), settings.lagRampSeconds(), settings.lagWarmupSeconds(), settings.lagSeconds(),
                        settings.lagThreads(), settings.probeMillis(), settings.pollMillis(), loadCustomers,
                        probeCustomers);
        say(String.format(Locale.ROOT, "  steady load: %.1f/s achieved of %d/s, %d errors, latency %s, backlog %d at "
                        + "the start of the window, at most %d in it, %d not sent", lag.achievedRate(), lag.rate(),
                lag.loadErrors(), lag.loadLatency(), lag.backlogAtStart(), lag.maxBacklog(), lag.unsent()));
        say(String.format(Locale.ROOT, "  projection lag: %s, %d probes, %d probe errors, %d not seen, %d row reads",
                lag.lag(), lag.probes(), lag.probeErrors(), lag.notSeen(), lag.polls()));
        return lag;
    }

    // ---------------------------------------------------------------- 3: ledger writes

    /**
     * Before the first measured write step the JVMs' compilers need more than one step's warm-up
     * at this concurrency: refills through the gateway (so through the ledger too) at the most
     * clients, not counted.
     */
    private void warmUpJvms() throws InterruptedException {
        if (settings.jvmWarmupSeconds() <= 0) {
            return;
        }
        platform.refreshAdminTokenIfOld();
        machine.awaitQuiet();
        say(String.format(Locale.ROOT, "3. JVM warm-up: refills through the gateway at %d clients for %d s, not counted",
                settings.mostClients(), settings.jvmWarmupSeconds()));
        loop.run("JVM warm-up", settings.mostClients(), settings.jvmWarmupSeconds(), 0,
                refills.clients(gateway, settings.mostClients(), "jvm"));
    }

    /** Both targets at one client count, the order alternating from one count to the next to spread drift. */
    private Writes writes(int clients, boolean directFirst) throws InterruptedException {
        Result first = writes(clients, directFirst ? DIRECT : GATEWAY);
        Result second = writes(clients, directFirst ? GATEWAY : DIRECT);
        return directFirst ? new Writes(clients, "direct, then gateway", first, second)
                : new Writes(clients, "gateway, then direct", second, first);
    }

    private Result writes(int clients, String target) throws InterruptedException {
        platform.refreshAdminTokenIfOld();
        machine.awaitQuiet();
        machine.noteOtherBuilds(target + " at " + clients + " clients");
        Api api = target.equals(DIRECT) ? ledger : gateway;
        say(String.format(Locale.ROOT, "3. ledger writes %s (%s), %d clients over %d customers: %d s warm-up, "
                        + "%d s measured", target, api.base(), clients, settings.customers(), settings.warmupSeconds(),
                settings.seconds()));
        Result result = loop.run(target, clients, settings.warmupSeconds(), settings.seconds(),
                refills.clients(api, clients, target + clients));
        say(String.format(Locale.ROOT, "  %s, %d clients: %.1f/s, %s, %d errors", target, clients, result.perSecond(),
                result.latency(), result.errors()));
        return result;
    }

    // ---------------------------------------------------------------- small things

    private static void expectUp(String name, Api api) {
        Api.Response health = api.get("/actuator/health", null);
        if (health.status() != 200) {
            throw new IllegalStateException(name + " at " + api.base() + " is not healthy: " + health);
        }
    }

    static void say(String message) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", secondsSince(STARTED), message);
        System.out.flush();
    }

    static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
