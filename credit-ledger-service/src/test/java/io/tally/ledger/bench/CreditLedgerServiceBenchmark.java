package io.tally.ledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.ledger.CreditLedgerServiceApplication;
import io.tally.service.axon.ProcessorProgress;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestKey;
import io.tally.testsupport.TestTokens;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.BlockingHttp;
import io.tally.testsupport.bench.BlockingHttp.Reply;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.ClosedLoop;
import io.tally.testsupport.bench.ClosedLoop.Result;
import io.tally.testsupport.bench.InProcessService;
import io.tally.testsupport.bench.JitActivity;
import io.tally.testsupport.bench.Percentiles;
import io.tally.testsupport.bench.Pgbench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The credit-ledger-service benchmark: the real application in this JVM on a database of its
 * own on the local PostgreSQL and an in-process Kafka broker, platforms and customers made
 * known to it as auth-service and customer-service would (their facts on Kafka), and then,
 * through the REST API with a plain blocking HTTP client ({@link BlockingHttp}), each step after an uncounted warm-up (and the
 * first after a longer one, for the JVM's compilers):
 * <ol>
 *   <li>ledger writes: refills spread over many customers, each with a fresh Idempotency-Key,
 *       at 1, 8 and 32 concurrent clients;</li>
 *   <li>pgbench's built-in TPC-B-like transaction on the same server at the same client counts,
 *       while the service is idle, and the ratio of the two;</li>
 *   <li>credit changes against one platform's pool, the hot spot every change of its customers
 *       goes through, and afterwards whether the pool's allocated figure is the sum of the
 *       customers' credits;</li>
 *   <li>the as-of replay and the chain verification of one customer with many entries;</li>
 *   <li>the Kafka publication's rate with a backlog to drain, made by stopping it during writes
 *       ({@link PublicationCapacity}).</li>
 * </ol>
 * The clients run in the same JVM on the same cores as the service and PostgreSQL: on a small
 * machine the figures are those of all three together. Not a test: nothing runs it in CI. Run it
 * with {@code bench/credit-ledger-service.sh}; settings are system properties, see {@link Settings}.
 */
public final class CreditLedgerServiceBenchmark {

    private static final String DATABASE = "bench_ledger";
    private static final String PGBENCH_DATABASE = "bench_pgbench";
    /** pgbench's threads, as the ledger's runs always had: at most one a core of this two-core machine. */
    private static final int PGBENCH_THREADS = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STARTED = System.nanoTime();
    /** TestTokens' tokens last 15 minutes; the benchmark mints new ones well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(5);
    private static final int ODD_SHOWN = 5;
    /** The first column of step 4's table: "GET as-of, the middle (" and an instant. */
    private static final int REQUEST_WIDTH = 56;
    /** The two credit figures each customer alternates between in step 3: every change moves the pool. */
    private static final String CREDITS_LOW = "5.00";
    private static final String CREDITS_HIGH = "7.00";
    /** How long the event processors may take to catch up after a step before the benchmark goes on. */
    private static final int CATCH_UP_MINUTES = 10;
    /** The JVM warm-up ends once the JIT compilers took less than this share of one core ... */
    private static final double JIT_QUIET_SHARE = 0.03;
    /** ... for this many seconds in a row. */
    private static final int JIT_QUIET_SECONDS = 10;

    /**
     * A step measured while the JIT compilers took more than this share of a core (they woke up
     * again in some runs, at up to a fifth of a core) is measured again ...
     */
    private static final double JIT_BUSY_SHARE = 0.08;
    /** ... up to this many times in all; every try is in the report. */
    private static final int STEP_TRIES = 3;

    /**
     * Step 1 at one client count, the share of a core the JIT compilers took meanwhile, and the
     * tries before it that were measured again because the compilers were busy.
     */
    record Writes(Result result, double jitShare, Backlog backlog, List<Writes> busyTries) {
    }

    /**
     * What a step left to the service's event processors (the Kafka publication, the billing
     * details): the events each had not handled when the step's last answer came, and how long
     * they took to handle them all afterwards. A rate the processors cannot follow is only
     * borrowed: the step's figure is the answers' rate, and this is what it owed.
     */
    record Backlog(Map<String, Long> atEnd, double catchUpSeconds, boolean caughtUp) {

        long most() {
            return atEnd.values().stream().mapToLong(Long::longValue).max().orElse(0);
        }

        /** The processor furthest behind, unless none was. */
        Optional<String> slowest() {
            return atEnd.entrySet().stream().max(Map.Entry.comparingByValue()).filter(e -> e.getValue() > 0)
                    .map(Map.Entry::getKey);
        }
    }

    /** The benchmark's knobs, as system properties with these defaults. */
    record Settings(int seconds, int warmupSeconds, int jvmWarmupSeconds, int jvmWarmupMaxSeconds,
                    List<Integer> clients, int customers,
                    int platforms, int creditClients, int entries, int entryClients, int entriesMaxSeconds,
                    int replayRuns, String pgbench, int pgbenchScale, int publicationBacklogSeconds) {

        static Settings fromSystemProperties() {
            List<Integer> clients = Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                    .map(String::strip).map(Integer::valueOf).toList();
            int mostClients = clients.stream().max(Integer::compare).orElse(1);
            return new Settings(Integer.getInteger("bench.seconds", 15),
                    Integer.getInteger("bench.warmupSeconds", 5),
                    Integer.getInteger("bench.jvmWarmupSeconds", 30),
                    Integer.getInteger("bench.jvmWarmupMaxSeconds", 300),
                    clients,
                    Integer.getInteger("bench.customers", 2000),
                    Integer.getInteger("bench.platforms", 4),
                    Integer.getInteger("bench.creditClients", 8),
                    Integer.getInteger("bench.entries", 10_000),
                    Integer.getInteger("bench.entryClients", 8),
                    Integer.getInteger("bench.entriesMaxSeconds", 1800),
                    Integer.getInteger("bench.replayRuns", 5),
                    System.getProperty("bench.pgbench", "/usr/bin/pgbench"),
                    Integer.getInteger("bench.pgbenchScale", Math.max(32, mostClients)),
                    Integer.getInteger("bench.publicationBacklogSeconds", 20));
        }
    }

    /** A customer the ledger knows, and its platform. */
    record Customer(String id, String platformId) {
    }

    /** Step 3: the hot pool's figures afterwards against what the customers were last answered. */
    record PoolCheck(Result result, int customers, int changed, BigDecimal allocated, BigDecimal sumOfCredits,
                     BigDecimal total, BigDecimal available, long poolEvents) {

        boolean passed() {
            return allocated.compareTo(sumOfCredits) == 0 && total.subtract(allocated).compareTo(available) == 0;
        }
    }

    /** Step 4: one timed read, or why it was not timed. */
    record Timing(String request, Percentiles times, String answer) {
    }

    /** Step 4: how the entries were made, and the reads timed on them. */
    record Replay(int entries, double seconds, long errors, List<Timing> timings) {
    }

    private record Minted(String token, long at) {
    }

    private final Settings settings;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final ClosedLoop loop = new ClosedLoop(CreditLedgerServiceBenchmark::say);
    private final JitActivity jit = JitActivity.ofThisJvm(JIT_QUIET_SECONDS, TimeUnit.SECONDS, JIT_QUIET_SHARE);
    private double jvmWarmup;
    private BlockingHttp http;
    private final Map<String, Minted> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger odd = new AtomicInteger();
    private final List<String> platforms = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private BenchMachine machine;
    private InProcessService service;
    private Customer deep;

    private CreditLedgerServiceBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        InProcessService.exitAfter(() -> new CreditLedgerServiceBenchmark(Settings.fromSystemProperties()).run());
    }

    private void run() throws Exception {
        say("credit-ledger-service benchmark, " + settings);
        machine = BenchMachine.describe(server, CreditLedgerServiceBenchmark::say);
        try (InProcessService service = InProcessService.start(server, DATABASE,
                List.of(CreditLedgerServiceApplication.class, TestKey.class), List.of(),
                CreditLedgerServiceBenchmark::say)) {
            this.service = service;
            http = new BlockingHttp(service.baseUrl(), Duration.ofSeconds(120));
            makeKnown();
            List<Pgbench.Run> pgbench = pgbench(service);
            warmUpJvm();
            List<Writes> writes = new ArrayList<>();
            for (int clients : settings.clients()) {
                writes.add(writes(clients));
            }
            PoolCheck pool = credits();
            Replay replay = replay();
            PublicationCapacity.Outcome publication = publication();
            machine.noteOtherBuilds("the end");
            report(writes, pgbench, pool, replay, publication);
        }
    }

    // ---------------------------------------------------------------- platforms and customers

    /**
     * The platforms (auth-service's PlatformCreated) and customers (customer-service's
     * CustomerCreated) on Kafka, as those services would publish them, and waits until the
     * ledger has taken them all in. Customer {@code i} belongs to platform {@code i mod platforms};
     * one more customer of the first platform is the one whose ledger grows long in step 4.
     */
    private void makeKnown() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < settings.platforms(); i++) {
            String platformId = UUID.randomUUID().toString();
            platforms.add(platformId);
            PublishedFacts.publish(new PlatformCreatedEvent(platformId, "Bench platform " + i, "USD", Instant.now()));
        }
        awaitCount("platforms' pools", "SELECT count(*) FROM credit_pools", settings.platforms());
        for (int i = 0; i < settings.customers(); i++) {
            customers.add(new Customer(UUID.randomUUID().toString(), platforms.get(i % platforms.size())));
        }
        deep = new Customer(UUID.randomUUID().toString(), platforms.get(0));
        List<Customer> all = new ArrayList<>(customers);
        all.add(deep);
        say("publishing " + all.size() + " CustomerCreated facts on " + platforms.size() + " platforms");
        // A producer per fact (PublishedFacts): several at once, or it takes minutes.
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Customer customer = all.get(i);
                String email = "bench-" + i + "@bench.example.com";
                sent.add(publishers.submit(() -> PublishedFacts.publish(new CustomerCreatedEvent(customer.id(),
                        customer.platformId(), email, "Team " + email, null, TeamType.DEFAULT, Instant.now()))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            publishers.shutdown();
        }
        awaitCount("customers", "SELECT count(*) FROM ledger_customers", all.size());
        say(String.format(Locale.ROOT, "the ledger knows %d platforms and %d customers, after %.1f s",
                platforms.size(), all.size(), secondsSince(started)));
    }

    private void awaitCount(String what, String sql, long expected) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long lastSaid = System.nanoTime();
        long count;
        while ((count = count(sql)) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger took in " + count + " of " + expected + " " + what);
            }
            if (System.nanoTime() - lastSaid > TimeUnit.SECONDS.toNanos(5)) {
                lastSaid = System.nanoTime();
                say("  " + what + " taken in: " + count + "/" + expected);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    // ---------------------------------------------------------------- 1: ledger writes

    /**
     * Refills of 1.00, client {@code c} going round the customers {@code c, c + clients, ...}:
     * no two clients ever write to the same customer, so nothing waits for another's lock.
     */
    private Writes writes(int clients) throws InterruptedException {
        String name = "refills";
        List<Writes> busy = new ArrayList<>();
        while (true) {
            machine.noteOtherBuilds(name + " at " + clients + " clients");
            machine.awaitQuiet();
            say(String.format(Locale.ROOT, "1. ledger writes, %d clients over %d customers: %d s warm-up, %d s "
                    + "measured", clients, customers.size(), settings.warmupSeconds(), settings.seconds()));
            JitActivity.Mark mark = jit == null ? null : jit.mark();
            Result result = loop.run(name, clients, settings.warmupSeconds(), settings.seconds(),
                    refills(clients, "w" + clients + "-" + busy.size()));
            double jitShare = mark == null ? Double.NaN : jit.shareSince(mark);
            say(String.format(Locale.ROOT, "  refills, %d clients: %.1f/s, %s, %d errors, JIT compilers %.1f%% of a "
                    + "core", clients, result.perSecond(), result.latency(), result.errors(), 100 * jitShare));
            Backlog backlog = catchUp(name + ", " + clients + " clients");
            if (!(jitShare > JIT_BUSY_SHARE) || busy.size() + 1 >= STEP_TRIES) {
                return new Writes(result, jitShare, backlog, busy);
            }
            say(String.format(Locale.ROOT, "  the compilers were busy (over %.0f%% of a core): measuring again",
                    100 * JIT_BUSY_SHARE));
            busy.add(new Writes(result, jitShare, backlog, List.of()));
        }
    }

    /**
     * Before the first measured step, the JVM's compilers need far more than a step's warm-up:
     * with 15 s, the compilers still took half a core through the 1-client step and its rate
     * was half that of a run warmed up for 120 s. So: refills at the most clients, not counted,
     * for at least {@code bench.jvmWarmupSeconds} and then until the compilers were quiet (under
     * {@value #JIT_QUIET_SHARE} of a core) for {@value #JIT_QUIET_SECONDS} s in a row, or
     * {@code bench.jvmWarmupMaxSeconds} passed.
     */
    private void warmUpJvm() throws InterruptedException {
        int clients = settings.clients().stream().max(Integer::compare).orElse(1);
        if (settings.jvmWarmupSeconds() <= 0) {
            return;
        }
        say(String.format(Locale.ROOT, "JVM warm-up: refills at %d clients for %d to %d s, until the JIT compilers "
                        + "are quiet; not counted", clients, settings.jvmWarmupSeconds(),
                settings.jvmWarmupMaxSeconds()));
        long started = System.nanoTime();
        long least = TimeUnit.SECONDS.toNanos(settings.jvmWarmupSeconds());
        loop.run("JVM warm-up", clients, Math.max(settings.jvmWarmupSeconds(), settings.jvmWarmupMaxSeconds()), 0,
                () -> jit != null && System.nanoTime() - started >= least && jit.settled(),
                refills(clients, "jvm"));
        jvmWarmup = secondsSince(started);
        say(jit == null ? String.format(Locale.ROOT, "  warmed up for %.0f s (this JVM does not report compiling)",
                jvmWarmup) : String.format(Locale.ROOT, "  warmed up for %.0f s; the compilers took %.1f%% of a core "
                + "over the last %d s%s", jvmWarmup, 100 * jit.share(), JIT_QUIET_SECONDS,
                jit.settled() ? "" : ", NOT quiet yet: going on"));
        catchUp("JVM warm-up");
    }

    /**
     * Right after a step's last answer, how many events each event processor of the service has
     * not handled yet ({@link ProcessorProgress}'s gauges, read fresh), and then the wait until
     * they all have, with a line every 5 s.
     */
    private Backlog catchUp(String step) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(CATCH_UP_MINUTES);
        Map<String, Long> atEnd = behind();
        Map<String, Long> now = atEnd;
        long lastSaid = started;
        while (now.values().stream().anyMatch(events -> events > 0) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
            now = behind();
            if (System.nanoTime() - lastSaid >= TimeUnit.SECONDS.toNanos(5)) {
                lastSaid = System.nanoTime();
                say(String.format(Locale.ROOT, "  after %s: the processors are still behind by %s", step, now));
            }
        }
        Backlog backlog = new Backlog(atEnd, secondsSince(started), now.values().stream().allMatch(n -> n == 0));
        say(String.format(Locale.ROOT, "  after %s: the processors were behind by %s; %s after %.1f s", step, atEnd,
                backlog.caughtUp() ? "all caught up" : "NOT caught up", backlog.catchUpSeconds()));
        return backlog;
    }

    /** Events not yet handled, per event processor of the service that reads its event store. */
    private Map<String, Long> behind() {
        service.bean(ProcessorProgress.class).report();
        Map<String, Long> behind = new TreeMap<>();
        service.bean(MeterRegistry.class).find(ProcessorProgress.BEHIND).gauges().forEach(gauge ->
                behind.put(gauge.getId().getTag("processor"), Math.round(gauge.value())));
        return behind;
    }

    /** Client {@code c} of {@code clients} refills its own customers in turn, 1.00 each, a new key each time. */
    private ClosedLoop.ClientFactory refills(int clients, String keyPrefix) {
        return index -> {
            List<Customer> mine = share(customers, clients, index);
            int[] sent = {0};
            return () -> {
                Customer customer = mine.get(sent[0] % mine.size());
                String key = keyPrefix + "-" + index + "-" + sent[0]++;
                return answered(send("POST", "/api/v1/customers/" + customer.id() + "/balance/refills",
                        admin(customer.platformId()), key, "{\"amount\":\"1.00\"}"), "refill");
            };
        };
    }

    // ---------------------------------------------------------------- 2: pgbench

    /** pgbench on a database of its own, at each client count, while the service has nothing to do. */
    private List<Pgbench.Run> pgbench(InProcessService service) throws Exception {
        Pgbench pgbench = new Pgbench(settings.pgbench(), server, PGBENCH_DATABASE);
        if (!pgbench.available()) {
            say("2. pgbench: " + settings.pgbench() + " is not there, SKIPPED");
            return List.of();
        }
        machine.noteOtherBuilds("pgbench");
        service.ownDatabase(PGBENCH_DATABASE);
        long started = System.nanoTime();
        say("2. pgbench -i -s " + settings.pgbenchScale() + " (" + settings.pgbenchScale() * 100_000L + " accounts)");
        String done = pgbench.initialise(settings.pgbenchScale());
        say(String.format(Locale.ROOT, "  initialised in %.1f s: %s", secondsSince(started), done));
        machine.awaitQuiet();
        List<Pgbench.Run> runs = new ArrayList<>();
        for (int clients : settings.clients()) {
            say(String.format(Locale.ROOT, "2. pgbench TPC-B-like, %d clients: %d s warm-up, %d s measured", clients,
                    settings.warmupSeconds(), settings.seconds()));
            if (settings.warmupSeconds() > 0) {
                pgbench.run(clients, PGBENCH_THREADS, settings.warmupSeconds(), true);
            }
            Pgbench.Run run = pgbench.run(clients, PGBENCH_THREADS, settings.seconds(), true);
            say(String.format(Locale.ROOT, "  pgbench, %d clients (%d threads): %.1f tps, latency average %.2f ms, "
                    + "%d transactions, %d failed", clients, run.threads(), run.tps(), run.latencyMs(),
                    run.transactions(), run.failed()));
            runs.add(run);
        }
        server.drop(PGBENCH_DATABASE);
        say("  dropped database " + PGBENCH_DATABASE);
        return runs;
    }

    // ---------------------------------------------------------------- 3: credit changes on one pool

    /**
     * Credit changes on the first platform's customers, each client with customers of its own,
     * each change moving a customer between two figures so that each really moves the pool.
     * The pool is set far above what they can take, so nothing is refused. A change that got no
     * answer (or a 5xx) is sent again with the same Idempotency-Key, so each customer's credits
     * are always known from the service's own answers.
     */
    private PoolCheck credits() throws Exception {
        String platformId = platforms.get(0);
        List<Customer> ofPool = customers.stream().filter(c -> c.platformId().equals(platformId)).toList();
        Reply total = send("PUT", "/api/v1/platforms/" + platformId + "/credit-pool",
                token("provider", TestTokens::provider), "bench-pool-total", "{\"total\":\"1000000000.00\"}");
        if (!answered(total, "set the pool's total")) {
            throw new IllegalStateException("could not set the pool's total");
        }
        int clients = settings.creditClients();
        machine.noteOtherBuilds("credit changes");
        machine.awaitQuiet();
        say(String.format(Locale.ROOT, "3. credit changes on one pool, %d clients over %d customers: %d s warm-up, "
                + "%d s measured", clients, ofPool.size(), settings.warmupSeconds(), settings.seconds()));
        Map<String, BigDecimal> lastCredits = new ConcurrentHashMap<>();
        Result result = loop.run("credit changes", clients, settings.warmupSeconds(), settings.seconds(),
                index -> new CreditChanges(share(ofPool, clients, index), "c" + index + "-", lastCredits));
        say(String.format(Locale.ROOT, "  credit changes, %d clients: %.1f/s, %s, %d errors", clients,
                result.perSecond(), result.latency(), result.errors()));

        Reply read = send("GET", "/api/v1/credit-pool", admin(platformId), null, null);
        if (!answered(read, "read the pool")) {
            throw new IllegalStateException("could not read the pool");
        }
        JsonNode pool = JSON.readTree(read.body());
        BigDecimal sum = lastCredits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        PoolCheck check = new PoolCheck(result, ofPool.size(), lastCredits.size(),
                new BigDecimal(pool.path("allocated").asText()), sum, new BigDecimal(pool.path("total").asText()),
                new BigDecimal(pool.path("available").asText()),
                count("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", platformId));
        say(String.format(Locale.ROOT, "  pool: allocated %s, the %d customers' last credits add up to %s: %s",
                check.allocated(), check.changed(), check.sumOfCredits(), check.passed() ? "PASS" : "FAIL"));
        return check;
    }

    /** One client of step 3, moving its own customers' credits between two figures. */
    private final class CreditChanges implements ClosedLoop.Client {

        private final List<Customer> mine;
        private final String keyPrefix;
        private final Map<String, BigDecimal> lastCredits;
        /** Changes not known to have happened or not: sent again, with their key, when their customer's turn comes. */
        private final Map<String, String[]> unsettled = new HashMap<>();
        private int sent;

        CreditChanges(List<Customer> mine, String keyPrefix, Map<String, BigDecimal> lastCredits) {
            this.mine = mine;
            this.keyPrefix = keyPrefix;
            this.lastCredits = lastCredits;
        }

        @Override
        public boolean send() throws InterruptedException {
            Customer customer = mine.get(sent % mine.size());
            String[] change = unsettled.remove(customer.id());
            if (change == null) {
                BigDecimal last = lastCredits.get(customer.id());
                String target = last != null && last.compareTo(new BigDecimal(CREDITS_HIGH)) == 0
                        ? CREDITS_LOW : CREDITS_HIGH;
                change = new String[] {keyPrefix + sent, target};
            }
            sent++;
            return settle(customer, change);
        }

        @Override
        public void finish() throws InterruptedException {
            for (int attempt = 0; attempt < 5 && !unsettled.isEmpty(); attempt++) {
                for (Customer customer : mine) {
                    String[] change = unsettled.remove(customer.id());
                    if (change != null) {
                        settle(customer, change);
                    }
                }
            }
            if (!unsettled.isEmpty()) {
                throw new IllegalStateException(unsettled.size() + " credit changes still unanswered after retries");
            }
        }

        /** True when answered 200; a change without a definite answer is remembered to be sent again. */
        private boolean settle(Customer customer, String[] change) throws InterruptedException {
            Reply response;
            try {
                response = CreditLedgerServiceBenchmark.this.send("PUT", "/api/v1/customers/" + customer.id()
                        + "/credits", admin(customer.platformId()), change[0], "{\"amount\":\"" + change[1] + "\"}");
            } catch (IOException e) {
                odd("credit change failed: " + e);
                unsettled.put(customer.id(), change);
                return false;
            }
            if (response.statusCode() >= 500) {
                unsettled.put(customer.id(), change);
            }
            if (!answered(response, "credit change")) {
                return false;
            }
            try {
                lastCredits.put(customer.id(), new BigDecimal(JSON.readTree(response.body()).path("credits").asText()));
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("a credit change's answer without credits", e);
            }
            return true;
        }
    }

    // ---------------------------------------------------------------- 4: as-of replay and verification

    /**
     * Makes one customer's ledger long with concurrent refills (the customer's aggregate takes
     * them one at a time), noting the instant at which half were made, then times the as-of
     * reads in the middle and at now, and the verification of the whole chain.
     */
    private Replay replay() throws Exception {
        int entries = settings.entries();
        machine.noteOtherBuilds("entries");
        machine.awaitQuiet();
        say(String.format(Locale.ROOT, "4. making %d entries for customer %s with %d clients (at most %d s)", entries,
                deep.id(), settings.entryClients(), settings.entriesMaxSeconds()));
        AtomicInteger made = new AtomicInteger();
        AtomicReference<Instant> middle = new AtomicReference<>();
        Result making = loop.run("entries", settings.entryClients(), 0, settings.entriesMaxSeconds(),
                () -> made.get() >= entries, index -> {
                    int[] sent = {0};
                    return () -> {
                        boolean ok = answered(send("POST", "/api/v1/customers/" + deep.id() + "/balance/refills",
                                admin(deep.platformId()), "e" + index + "-" + sent[0]++,
                                "{\"amount\":\"1.00\"}"), "refill of the long ledger");
                        if (ok && made.incrementAndGet() == entries / 2) {
                            middle.set(Instant.now());
                        }
                        return ok;
                    };
                });
        say(String.format(Locale.ROOT, "  %d entries made in %.1f s: %.1f/s, %s, %d errors", made.get(),
                making.seconds(), making.perSecond(), making.latency(), making.errors()));
        if (made.get() < entries) {
            say("  WARNING: only " + made.get() + " of " + entries + " entries within "
                    + settings.entriesMaxSeconds() + " s");
        }
        Instant half = middle.get() != null ? middle.get() : Instant.now();
        String path = "/api/v1/customers/" + deep.id() + "/ledger/";
        List<Timing> timings = new ArrayList<>();
        timings.add(timeRead("GET as-of, the middle (" + half + ")", () -> path + "as-of?at=" + encode(half),
                "entries", "balance"));
        timings.add(timeRead("GET as-of, now", () -> path + "as-of?at=" + encode(Instant.now()), "entries",
                "balance"));
        timings.add(timeRead("GET verification", () -> path + "verification", "ok", "entries", "firstBroken"));
        return new Replay(made.get(), making.seconds(), making.errors(), timings);
    }

    /** One uncounted read, then {@code bench.replayRuns} timed ones; a 404 (no such endpoint yet) skips it. */
    private Timing timeRead(String request, Supplier<String> path, String... shown) throws Exception {
        String token = admin(deep.platformId());
        Reply first = send("GET", path.get(), token, null, null);
        if (first.statusCode() != 200) {
            String why = "NOT TIMED: answered " + first.statusCode() + " " + brief(first)
                    + (first.statusCode() == 404 ? " (the endpoint is not there yet?)" : "");
            say("4. " + request + ": " + why);
            return new Timing(request, Percentiles.of(), why);
        }
        long[] nanos = new long[settings.replayRuns()];
        Reply last = first;
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            last = send("GET", path.get(), token, null, null);
            nanos[i] = System.nanoTime() - t0;
            if (!answered(last, request)) {
                throw new IllegalStateException(request + " failed after it had answered");
            }
        }
        JsonNode body = JSON.readTree(last.body());
        StringBuilder answer = new StringBuilder();
        for (String field : shown) {
            if (body.has(field)) {
                JsonNode value = body.get(field);
                answer.append(answer.length() == 0 ? "" : ", ").append(field).append(' ')
                        .append(value.isTextual() ? value.asText() : value.toString());
            }
        }
        Timing timing = new Timing(request, Percentiles.of(nanos), answer.toString());
        say(String.format(Locale.ROOT, "4. %s: median %.1f ms, max %.1f ms over %d runs; %s", request,
                timing.times().ms(50), timing.times().maxMs(), nanos.length, timing.answer()));
        return timing;
    }

    // ---------------------------------------------------------------- 5: the publication's capacity

    /** Step 5 at the most clients, once the CPUs are quiet and every processor has caught up. */
    private PublicationCapacity.Outcome publication() throws Exception {
        int clients = settings.clients().stream().max(Integer::compare).orElse(1);
        machine.noteOtherBuilds("publication");
        catchUp("before the publication step");
        machine.awaitQuiet();
        LongSupplier head = () -> {
            try {
                return count("SELECT COALESCE(MAX(globalindex), -1) FROM domainevententry");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        return new PublicationCapacity(service, loop, head, CreditLedgerServiceBenchmark::say)
                .measure(clients, settings.publicationBacklogSeconds(), settings.seconds(),
                        prefix -> refills(clients, prefix));
    }

    // ---------------------------------------------------------------- the report

    private void report(List<Writes> writes, List<Pgbench.Run> pgbench, PoolCheck pool, Replay replay,
                        PublicationCapacity.Outcome publication) {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        machine.print();
        System.out.println("The HTTP clients run in the benchmark's JVM, beside the service and PostgreSQL on the same "
                + "cores; pgbench ran while the service was idle; each step started once the CPUs were quiet.");
        System.out.println();
        System.out.printf(Locale.ROOT, "1./2. ledger writes (POST .../balance/refills of 1.00, a fresh Idempotency-Key "
                + "each, %d customers on %d platforms) against pgbench's TPC-B-like transaction (-M prepared, -j 2, "
                + "scale %d) on the same server; after a JVM warm-up of %.0f s, %d s warm-up, then %d s measured per "
                + "row; jit: the share of a core the JIT compilers took during the row's %d s%n", customers.size(),
                platforms.size(), settings.pgbenchScale(), jvmWarmup, settings.warmupSeconds(), settings.seconds(),
                settings.warmupSeconds() + settings.seconds());
        head(7, "clients", "writes/s", "p50 ms", "p99 ms", "max ms", "errors", "pgbench tps", "pgb avg ms",
                "writes/tps", "target 25%", "jit", "behind", "catch-up s", "sustained", "sust./tps");
        for (Writes step : writes) {
            Result w = step.result();
            Optional<Pgbench.Run> p = pgbench.stream().filter(r -> r.clients() == w.clients()).findFirst();
            double ratio = p.map(r -> w.perSecond() / r.tps()).orElse(Double.NaN);
            row(7, Integer.toString(w.clients()), fixed(w.perSecond(), 1), fixed(w.latency().ms(50), 1),
                    fixed(w.latency().ms(99), 1), fixed(w.latency().maxMs(), 1), Long.toString(w.errors()),
                    p.map(r -> fixed(r.tps(), 1)).orElse("not run"), p.map(r -> fixed(r.latencyMs(), 2)).orElse("-"),
                    p.isPresent() ? fixed(100 * ratio, 1) + "%" : "-",
                    p.isPresent() ? (ratio >= 0.25 ? "met" : "MISSED") : "-", fixed(100 * step.jitShare(), 1) + "%",
                    Long.toString(step.backlog().most()), fixed(step.backlog().catchUpSeconds(), 1)
                            + (step.backlog().caughtUp() ? "" : " NOT"),
                    fixed(withCatchUp(step), 1), p.map(r -> fixed(100 * withCatchUp(step) / r.tps(), 1) + "%")
                            .orElse("-"));
        }
        System.out.printf(Locale.ROOT, "behind: the most events one event processor had not handled at the row's "
                + "last answer (%s); catch-up s: until every processor had handled everything; sustained: the "
                + "row's rate over its %d s plus the catch-up, the rate at which the service also published what it "
                + "answered, and sust./tps its ratio to pgbench%n", writes.stream().flatMap(w -> w.backlog().slowest().stream())
                .distinct().collect(Collectors.joining(", ")),
                settings.warmupSeconds() + settings.seconds());
        for (Writes step : writes) {
            for (Writes busy : step.busyTries()) {
                System.out.printf(Locale.ROOT, "%d clients, measured again after a try with the JIT compilers at "
                        + "%.1f%% of a core: %.1f/s, p50 %.1f ms, p99 %.1f ms%n", step.result().clients(),
                        100 * busy.jitShare(), busy.result().perSecond(), busy.result().latency().ms(50),
                        busy.result().latency().ms(99));
            }
        }
        System.out.println();
        Result c = pool.result();
        System.out.printf(Locale.ROOT, "3. credit changes (PUT .../credits, between %s and %s) on %d customers of one "
                + "platform's pool; %d s warm-up, then %d s measured%n", CREDITS_LOW, CREDITS_HIGH, pool.customers(),
                settings.warmupSeconds(), settings.seconds());
        head(7, "clients", "changes/s", "p50 ms", "p99 ms", "max ms", "errors");
        row(7, Integer.toString(c.clients()), fixed(c.perSecond(), 1), fixed(c.latency().ms(50), 1),
                fixed(c.latency().ms(99), 1), fixed(c.latency().maxMs(), 1), Long.toString(c.errors()));
        System.out.printf(Locale.ROOT, "pool check: allocated %s, sum of the last credits of the %d customers changed "
                + "%s, total %s, available %s: %s%n", pool.allocated(), pool.changed(), pool.sumOfCredits(),
                pool.total(), pool.available(), pool.passed() ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "the pool's event stream at the end: %d events%n", pool.poolEvents());
        System.out.println();
        System.out.printf(Locale.ROOT, "4. one customer with %d refills (made by %d clients in %.1f s, %.1f/s, %d "
                + "errors); 1 uncounted + %d timed runs per request%n", replay.entries(), settings.entryClients(),
                replay.seconds(), replay.entries() / replay.seconds(), replay.errors(), settings.replayRuns());
        head(REQUEST_WIDTH, "request", "median ms", "max ms", "answer");
        for (Timing t : replay.timings()) {
            row(REQUEST_WIDTH, t.request(), fixed(t.times().ms(50), 1), fixed(t.times().maxMs(), 1), t.answer());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "5. the Kafka publication with a backlog: stopped during %d s of refills at %d "
                + "clients (%d events behind), then started while refills went on for %.0f s (%.1f/s)%n",
                publication.backlogSeconds(), publication.clients(), publication.backlog(),
                publication.writes().seconds(), publication.writes().perSecond());
        head(22, "phase", "events", "seconds", "events/s", "target", "caught up");
        row(22, "while writes flow", Long.toString(publication.drained()), fixed(publication.drainSeconds(), 1),
                fixed(publication.drainRate(), 0), publication.drainRate() >= 5000 ? "met" : "MISSED",
                publication.caughtUp() ? "yes" : "no");
        row(22, "the rest, no writes", Long.toString(publication.rest()), fixed(publication.restSeconds(), 2),
                fixed(publication.restRate(), 0), "-", publication.restHandled() ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "%d events stored while the publisher was stopped or draining; the topics' end "
                + "offsets rose by %d (events of unpublished types are stored, not sent)%n",
                publication.storedEvents(), publication.recordsOnKafka());
        if (odd.get() > 0) {
            System.out.printf(Locale.ROOT, "%d odd answers in all, warm-ups included (the first %d were shown above)%n",
                    odd.get(), ODD_SHOWN);
        }
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", secondsSince(STARTED));
    }

    /**
     * A row's rate stretched over the row and the processors' catch-up after it: the rate at which
     * the service answered and also published. It assumes the row's uncounted warm-up answered at
     * the measured rate.
     */
    private double withCatchUp(Writes step) {
        double window = settings.warmupSeconds() + settings.seconds();
        return step.result().perSecond() * window / (window + step.backlog().catchUpSeconds());
    }

    /** A table's head and the rule under it: the first column {@code first} wide, the others 10. */
    private static void head(int first, String... cells) {
        row(first, cells);
        StringBuilder rule = new StringBuilder("|").append("-".repeat(first + 2));
        for (int i = 1; i < cells.length; i++) {
            rule.append("|").append("-".repeat(12));
        }
        System.out.println(rule.append("|"));
    }

    /** A table row: the first cell left-aligned, the others right-aligned. */
    private static void row(int first, String... cells) {
        StringBuilder line = new StringBuilder("| ").append(String.format(Locale.ROOT, "%-" + first + "s", cells[0]));
        for (int i = 1; i < cells.length; i++) {
            line.append(String.format(Locale.ROOT, " | %10s", cells[i]));
        }
        System.out.println(line.append(" |"));
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    // ---------------------------------------------------------------- HTTP

    private Reply send(String method, String path, String token, String idempotencyKey, String body)
            throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return http.send(method, path, headers, body);
    }

    /** 200; anything else is counted and the first few are shown. */
    private boolean answered(Reply response, String what) {
        if (response.statusCode() == 200) {
            return true;
        }
        odd(what + " answered " + response.statusCode() + " " + brief(response));
        return false;
    }

    private void odd(String message) {
        if (odd.incrementAndGet() <= ODD_SHOWN) {
            say("  ODD: " + message);
        }
    }

    private static String brief(Reply response) {
        String body = response.text();
        return body.length() <= 300 ? body : body.substring(0, 297) + "...";
    }

    /** The platform admin's token, minted again when it is a few minutes old. */
    private String admin(String platformId) {
        return token(platformId, () -> TestTokens.admin(platformId));
    }

    private String token(String whose, Supplier<String> mint) {
        long now = System.nanoTime();
        return tokens.compute(whose, (k, minted) -> minted == null || now - minted.at() > TOKEN_REUSE.toNanos()
                ? new Minted(mint.get(), now) : minted).token();
    }

    /** Client {@code index} of {@code clients}: every {@code clients}-th customer from the {@code index}-th on. */
    private static List<Customer> share(List<Customer> all, int clients, int index) {
        List<Customer> mine = new ArrayList<>();
        for (int i = index; i < all.size(); i += clients) {
            mine.add(all.get(i));
        }
        if (mine.isEmpty()) {
            throw new IllegalStateException("more clients (" + clients + ") than customers (" + all.size() + ")");
        }
        return mine;
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- the service's database

    /** The single number a query on the benchmark's database answers, with text parameters where given. */
    private long count(String sql, String... parameters) throws SQLException {
        try (Connection connection = server.connect(DATABASE);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ---------------------------------------------------------------- small things

    private static void say(String message) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", secondsSince(STARTED), message);
        System.out.flush();
    }

    private static double secondsSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }
}
