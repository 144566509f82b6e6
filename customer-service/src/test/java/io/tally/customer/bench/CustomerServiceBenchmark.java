package io.tally.customer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.customer.CustomerServiceApplication;
import io.tally.testsupport.TestKey;
import io.tally.testsupport.TestTokens;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.CustomerListLoad;
import io.tally.testsupport.bench.InProcessService;
import io.tally.testsupport.bench.Percentiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The customer-service benchmark: the real application in this JVM on a database of its own on
 * the local PostgreSQL and an in-process Kafka broker, a million customers loaded into one
 * platform's list, and then, through the REST API with a plain HTTP client:
 * <ol type="A">
 *   <li>customer list latency for five query shapes (single client),</li>
 *   <li>projection lag: create answered 201 until the details answer 200,</li>
 *   <li>create-customer throughput with 1 and with 8 concurrent clients.</li>
 * </ol>
 * Not a test: nothing runs it in CI. Run it with {@code bench/customer-service.sh}. Settings are
 * system properties, see {@link Settings}.
 */
public final class CustomerServiceBenchmark {

    private static final String DATABASE = "bench_customers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STARTED = System.nanoTime();
    private static final AtomicLong EMAILS = new AtomicLong();

    /** The benchmark's knobs, as system properties with these defaults. */
    record Settings(int rows, int jvmWarmup, int warmup, int timed, int deepPages, int lagCreates, int lagWarmup,
                    int throughputSeconds, int throughputWarmupSeconds, double targetMillis, boolean explainAll) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.rows", 1_000_000),
                    Integer.getInteger("bench.jvmWarmup", 600),
                    Integer.getInteger("bench.warmup", 50),
                    Integer.getInteger("bench.requests", 200),
                    Integer.getInteger("bench.deepPages", 200),
                    Integer.getInteger("bench.lagCreates", 300),
                    Integer.getInteger("bench.lagWarmup", 30),
                    Integer.getInteger("bench.throughputSeconds", 20),
                    Integer.getInteger("bench.throughputWarmupSeconds", 30),
                    Double.parseDouble(System.getProperty("bench.targetMillis", "50")),
                    Boolean.getBoolean("bench.explainAll"));
        }
    }

    /** One query shape of part A and what it measured. */
    record QueryResult(String label, String query, long total, int items, Percentiles latency,
                       List<SqlCapture.Statement> statements) {
    }

    /** Part B's figures. */
    record LagResult(Percentiles lag, Percentiles create, long polls, int failures) {
    }

    /** One run of part C. */
    record ThroughputResult(int clients, double seconds, long requests, long errors, Percentiles latency,
                            double catchUpSeconds) {

        double perSecond() {
            return requests / seconds;
        }
    }

    private final Settings settings;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final UUID platformId = UUID.randomUUID();
    private final Map<String, String> otherBuildsSeen = new LinkedHashMap<>();
    private volatile String phase = "start";
    private final AtomicLong created = new AtomicLong();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final List<String> sizes = new ArrayList<>();
    private String token;
    private long tokenIssued;
    private int port;

    private CustomerServiceBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        InProcessService.exitAfter(() -> new CustomerServiceBenchmark(Settings.fromSystemProperties()).run());
    }

    private void run() throws Exception {
        say("customer-service benchmark, settings " + settings);
        recordMachine();
        checkOtherBuilds("start");
        Thread buildsWatch = watchOtherBuilds();
        try (InProcessService service = InProcessService.start(server, DATABASE,
                List.of(CustomerServiceApplication.class, TestKey.class, BenchSqlCapture.class),
                List.of("--tally.mail.transport=file", "--tally.mail.directory=target/bench-mail"),
                CustomerServiceBenchmark::say)) {
            port = service.port();

            CustomerListLoad.Timings load = load();
            String search = chooseSearch();

            checkOtherBuilds("A");
            List<QueryResult> queries = partA(search);
            printPartA(queries, load);
            explainOverTarget(queries);

            checkOtherBuilds("B");
            LagResult lag = partB();

            checkOtherBuilds("C");
            List<ThroughputResult> throughput = List.of(partC(1), partC(8));
            checkOtherBuilds("end");

            printReport(load, queries, lag, throughput);
        } finally {
            buildsWatch.interrupt();
        }
    }

    // ---------------------------------------------------------------- the database and its load

    private CustomerListLoad.Timings load() throws SQLException, InterruptedException {
        phase = "load";
        say(String.format(Locale.ROOT, "loading %,d customers into platform %s (one INSERT ... SELECT)",
                settings.rows(), platformId));
        CustomerListLoad.Timings timings = CustomerListLoad.load(server.urlOf(DATABASE), server.user(), server.password(),
                platformId, settings.rows(), CustomerServiceBenchmark::say);
        say(String.format(Locale.ROOT, "load done: INSERT %.1f s, VACUUM (ANALYZE) %.1f s, together %.1f s",
                seconds(timings.insertNanos()), seconds(timings.vacuumAnalyzeNanos()),
                seconds(timings.insertNanos() + timings.vacuumAnalyzeNanos())));
        try (Connection connection = server.connect(DATABASE)) {
            say("sizes after the load:");
            sizes.addAll(CustomerListLoad.sizes(connection));
            sizes.forEach(line -> System.out.println("    " + line));
        }
        return timings;
    }

    /** Of the candidate search terms, the one whose match count is nearest 300 (a few hundred rows). */
    private String chooseSearch() throws SQLException {
        String best = null;
        double bestDistance = Double.MAX_VALUE;
        try (Connection connection = server.connect(DATABASE);
             var count = connection.prepareStatement(
                     "SELECT count(*) FROM customer_list WHERE platform_id = ? AND search_text LIKE ?")) {
            for (String candidate : CustomerListLoad.SEARCH_CANDIDATES) {
                count.setObject(1, platformId);
                count.setString(2, "%" + candidate + "%");
                long matches;
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    matches = rs.getLong(1);
                }
                double distance = Math.abs(Math.log(Math.max(matches, 1) / 300.0));
                say("search candidate q=" + candidate + " matches " + matches + " rows");
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate;
                }
            }
        }
        say("search term for A3: q=" + best);
        return best;
    }

    // ---------------------------------------------------------------- A: the customer list

    private List<QueryResult> partA(String search) {
        say("A. customer list latency: " + settings.warmup() + " warm-up + " + settings.timed()
                + " timed requests per shape, one client, after a JVM warm-up");
        HttpClient client = client();
        warmUp(client, search);
        List<QueryResult> results = new ArrayList<>();
        results.add(measureQuery(client, "A1 first page, default sort", ""));
        results.add(measureQuery(client, "A2 tag filter", "tag=gold"));
        results.add(measureQuery(client, "A3 substring search", "q=" + encode(search)));
        results.add(measureQuery(client, "A4 sort by balance desc", "sort=balance,desc"));
        String deepCursor = walkPages(client, "sort=account&limit=50", settings.deepPages());
        results.add(measureQuery(client, "A5 page " + (settings.deepPages() + 1) + ", sort=account",
                "sort=account&limit=50&cursor=" + deepCursor));
        return results;
    }

    /**
     * Before any shape is timed, the application's request path gets compiled by the JIT, so that
     * the first shape measured does not pay for it alone: untimed requests of the cheap shapes.
     */
    private void warmUp(HttpClient client, String search) {
        List<URI> uris = List.of(URI.create(base() + "/api/v1/customers"),
                URI.create(base() + "/api/v1/customers?sort=account"),
                URI.create(base() + "/api/v1/customers?sort=balance,desc"),
                URI.create(base() + "/api/v1/customers?q=" + encode(search)));
        say("JVM warm-up: " + settings.jvmWarmup() + " untimed list requests of the cheap shapes");
        long lastPrint = System.nanoTime();
        for (int i = 0; i < settings.jvmWarmup(); i++) {
            expect(client, get(uris.get(i % uris.size())), 200);
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                say("  warm-up " + (i + 1) + "/" + settings.jvmWarmup());
            }
        }
    }

    private QueryResult measureQuery(HttpClient client, String label, String query) {
        URI uri = URI.create(base() + "/api/v1/customers" + (query.isEmpty() ? "" : "?" + query));
        SqlCapture.start();
        JsonNode first = json(expect(client, get(uri), 200));
        List<SqlCapture.Statement> statements = SqlCapture.stop();
        long total = first.path("total").asLong(-1);
        int items = first.path("items").size();
        say(String.format(Locale.ROOT, "%s: GET %s -> %d items of total %,d; %d SQL statements recorded", label,
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + abbreviate(uri.getRawQuery())), items,
                total, statements.size()));
        for (int i = 0; i < settings.warmup(); i++) {
            expect(client, get(uri), 200);
        }
        Latencies latencies = new Latencies();
        long lastPrint = System.nanoTime();
        for (int i = 0; i < settings.timed(); i++) {
            HttpRequest request = get(uri);
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = send(client, request);
            long elapsed = System.nanoTime() - t0;
            check(response, 200, request);
            latencies.add(elapsed);
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                say(String.format(Locale.ROOT, "  %s: %d/%d timed, so far %s", label, i + 1, settings.timed(),
                        latencies.summary().brief()));
            }
        }
        Percentiles summary = latencies.summary();
        say("  " + label + ": " + summary.brief());
        return new QueryResult(label, query, total, items, summary, statements);
    }

    /** Follows nextCursor through {@code pages} pages and returns the cursor of the page after them. */
    private String walkPages(HttpClient client, String query, int pages) {
        say("A5: following nextCursor through " + pages + " pages of " + query);
        String cursor = null;
        long started = System.nanoTime();
        long lastPrint = started;
        for (int page = 1; page <= pages; page++) {
            URI uri = URI.create(base() + "/api/v1/customers?" + query + (cursor == null ? "" : "&cursor=" + cursor));
            JsonNode body = json(expect(client, get(uri), 200));
            cursor = body.path("nextCursor").asText(null);
            if (cursor == null) {
                throw new IllegalStateException("The list ended after " + page + " pages");
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                say("  A5: page " + page + "/" + pages);
            }
        }
        say(String.format(Locale.ROOT, "  A5: walked %d pages in %.1f s", pages, seconds(System.nanoTime() - started)));
        return cursor;
    }

    private void explainOverTarget(List<QueryResult> queries) throws SQLException {
        List<QueryResult> over = queries.stream()
                .filter(q -> settings.explainAll() || q.latency().ms(99) > settings.targetMillis())
                .toList();
        if (over.isEmpty()) {
            say("no query shape over the p99 target of " + settings.targetMillis() + " ms: no plans to print");
            return;
        }
        try (Connection connection = server.connect(DATABASE)) {
            for (QueryResult query : over) {
                System.out.println();
                System.out.printf(Locale.ROOT, "==== EXPLAIN (ANALYZE, BUFFERS) for %s (p99 %.2f ms) ====%n",
                        query.label(), query.latency().ms(99));
                for (SqlCapture.Statement statement : query.statements()) {
                    System.out.println();
                    QueryPlans.explain(connection, statement).forEach(System.out::println);
                }
            }
        }
        System.out.println();
    }

    // ---------------------------------------------------------------- B: projection lag

    private LagResult partB() {
        int total = settings.lagWarmup() + settings.lagCreates();
        say("B. projection lag: " + settings.lagWarmup() + " warm-up + " + settings.lagCreates()
                + " creates, one at a time, GET /api/v1/customers/{id} every 5 ms until 200");
        HttpClient client = client();
        Latencies lag = new Latencies();
        Latencies create = new Latencies();
        long polls = 0;
        int failures = 0;
        long lastPrint = System.nanoTime();
        for (int i = 0; i < total; i++) {
            HttpRequest post = createRequest("lag");
            long t0 = System.nanoTime();
            HttpResponse<byte[]> response = send(client, post);
            long accepted = System.nanoTime();
            check(response, 201, post);
            created.incrementAndGet();
            String id = json(response).path("id").asText();
            URI details = URI.create(base() + "/api/v1/customers/" + id);
            long visibleAt = -1;
            for (int attempt = 0; ; attempt++) {
                HttpResponse<byte[]> poll = send(client, get(details));
                polls++;
                if (poll.statusCode() == 200) {
                    visibleAt = System.nanoTime();
                    break;
                }
                if (poll.statusCode() != 404) {
                    check(poll, 200, get(details));
                }
                long next = accepted + TimeUnit.MILLISECONDS.toNanos(5L * (attempt + 1));
                if (next - accepted > TimeUnit.SECONDS.toNanos(30)) {
                    break;
                }
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (i < settings.lagWarmup()) {
                continue;
            }
            if (visibleAt < 0) {
                failures++;
            } else {
                lag.add(visibleAt - accepted);
                create.add(accepted - t0);
            }
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                say(String.format(Locale.ROOT, "  B: %d/%d measured, lag so far %s", lag.size(),
                        settings.lagCreates(), lag.summary().brief()));
            }
        }
        LagResult result = new LagResult(lag.summary(), create.summary(), polls, failures);
        say("  B: lag " + result.lag().brief() + "; POST " + result.create().brief());
        return result;
    }

    // ---------------------------------------------------------------- C: create throughput

    private ThroughputResult partC(int clients) throws InterruptedException {
        say(String.format(Locale.ROOT, "C. create throughput with %d client%s: %d s warm-up, then %d s measured",
                clients, clients == 1 ? "" : "s", settings.throughputWarmupSeconds(), settings.throughputSeconds()));
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(settings.throughputWarmupSeconds());
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(settings.throughputSeconds());
        Latencies latencies = new Latencies();
        AtomicLong measured = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong all = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                HttpClient client = client();
                while (System.nanoTime() < measureTo) {
                    HttpRequest post = createRequest("load");
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response = send(client, post);
                    long t1 = System.nanoTime();
                    boolean ok = response.statusCode() == 201;
                    if (ok) {
                        created.incrementAndGet();
                        all.incrementAndGet();
                    }
                    if (t1 >= measureFrom && t1 <= measureTo) {
                        if (ok) {
                            measured.incrementAndGet();
                            latencies.add(t1 - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "bench-client-" + c);
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        long lastCount = 0;
        long lastTime = start;
        while (threads.stream().anyMatch(Thread::isAlive)) {
            TimeUnit.MILLISECONDS.sleep(250);
            long now = System.nanoTime();
            if (now - lastTime >= TimeUnit.SECONDS.toNanos(5)) {
                long count = all.get();
                say(String.format(Locale.ROOT, "  C%d: %s, %d created, %.0f/s over the last %.0f s", clients,
                        now < measureFrom ? "warming up" : "measuring", count,
                        (count - lastCount) / seconds(now - lastTime), seconds(now - lastTime)));
                lastCount = count;
                lastTime = now;
            }
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("A client failed", failures.get(0));
        }
        double catchUp = awaitProjection(measureTo);
        ThroughputResult result = new ThroughputResult(clients, settings.throughputSeconds(), measured.get(),
                errors.get(), latencies.summary(), catchUp);
        say(String.format(Locale.ROOT, "  C%d: %.1f creates/s, %s, %d errors; list caught up %.2f s after the end",
                clients, result.perSecond(), result.latency().brief(), result.errors(), catchUp));
        return result;
    }

    /** Seconds from {@code since} until the list's total counts every customer created so far. */
    private double awaitProjection(long since) {
        HttpClient client = client();
        long expected = settings.rows() + created.get();
        URI uri = URI.create(base() + "/api/v1/customers?limit=1");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            long total = json(expect(client, get(uri), 200)).path("total").asLong();
            if (total >= expected) {
                return seconds(System.nanoTime() - since);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        throw new IllegalStateException("The customer list did not reach " + expected + " customers in 300 s");
    }

    // ---------------------------------------------------------------- the report

    private void printPartA(List<QueryResult> queries, CustomerListLoad.Timings load) {
        System.out.println();
        System.out.printf(Locale.ROOT, "A. GET /api/v1/customers with %,d customers in one platform (load %.1f s), "
                        + "one client, %d JVM warm-up requests, then %d warm-up + %d timed requests per shape, "
                        + "target p99 < %.0f ms%n", settings.rows(),
                seconds(load.insertNanos() + load.vacuumAnalyzeNanos()), settings.jvmWarmup(), settings.warmup(),
                settings.timed(),
                settings.targetMillis());
        System.out.printf(Locale.ROOT, "| %-28s | %-34s | %9s | %8s | %8s | %8s | %-6s |%n", "shape", "query", "total",
                "p50 ms", "p99 ms", "max ms", "target");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(30), "-".repeat(36), "-".repeat(11),
                "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(8));
        for (QueryResult q : queries) {
            boolean met = q.latency().ms(99) < settings.targetMillis();
            System.out.printf(Locale.ROOT, "| %-28s | %-34s | %,9d | %8.2f | %8.2f | %8.2f | %-6s |%n", q.label(),
                    abbreviate(q.query().isEmpty() ? "(none)" : q.query()), q.total(),
                    q.latency().ms(50), q.latency().ms(99), q.latency().maxMs(),
                    met ? "met" : "MISSED");
        }
        System.out.println();
    }

    private void printReport(CustomerListLoad.Timings load, List<QueryResult> queries, LagResult lag,
                             List<ThroughputResult> throughput) {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        System.out.println("machine:");
        machine.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-24s %s%n", k, v));
        synchronized (otherBuildsSeen) {
            System.out.printf(Locale.ROOT, "    %-24s %s%n", "other Maven/Surefire", otherBuildsSeen.isEmpty()
                    ? "none seen (checked every 2 s from the start to the end)" : "SEEN, they shared the CPUs:");
            otherBuildsSeen.forEach((process, when) -> System.out.println("        from " + when + ": " + process));
        }
        System.out.printf(Locale.ROOT, "load: %,d rows, INSERT ... SELECT %.1f s + VACUUM (ANALYZE) %.1f s = %.1f s%n",
                settings.rows(), seconds(load.insertNanos()), seconds(load.vacuumAnalyzeNanos()),
                seconds(load.insertNanos() + load.vacuumAnalyzeNanos()));
        System.out.println("customer_list after the load (PostgreSQL relation sizes):");
        sizes.forEach(line -> System.out.println("    " + line));
        printPartA(queries, load);
        System.out.printf(Locale.ROOT, "B. projection lag, POST /api/v1/customers 201 -> GET /api/v1/customers/{id} "
                + "200, polled every 5 ms, %d creates one at a time%n", lag.lag().count());
        System.out.printf(Locale.ROOT, "| %-24s | %5s | %8s | %8s | %8s | %8s |%n", "", "n", "p50 ms", "p99 ms",
                "max ms", "mean ms");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%n", "-".repeat(26), "-".repeat(7), "-".repeat(10),
                "-".repeat(10), "-".repeat(10), "-".repeat(10));
        lagRow("projection lag", lag.lag());
        lagRow("POST latency (same run)", lag.create());
        System.out.printf(Locale.ROOT, "(%d polls in all, %d creates never visible within 30 s)%n%n", lag.polls(),
                lag.failures());
        System.out.printf(Locale.ROOT, "C. POST /api/v1/customers throughput, %d s measured after %d s warm-up%n",
                settings.throughputSeconds(), settings.throughputWarmupSeconds());
        System.out.printf(Locale.ROOT, "| %7s | %8s | %8s | %6s | %8s | %8s | %8s | %16s |%n", "clients", "requests",
                "req/s", "errors", "p50 ms", "p99 ms", "max ms", "list caught up");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(9), "-".repeat(10), "-".repeat(10),
                "-".repeat(8), "-".repeat(10), "-".repeat(10), "-".repeat(10), "-".repeat(18));
        for (ThroughputResult t : throughput) {
            System.out.printf(Locale.ROOT, "| %7d | %8d | %8.1f | %6d | %8.2f | %8.2f | %8.2f | %14.2fs |%n",
                    t.clients(), t.requests(), t.perSecond(), t.errors(), t.latency().ms(50),
                    t.latency().ms(99), t.latency().maxMs(), t.catchUpSeconds());
        }
        System.out.println("(list caught up: seconds after the last measured create until the list's total counted "
                + "every created customer)");
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", seconds(System.nanoTime() - STARTED));
    }

    private static void lagRow(String label, Percentiles s) {
        System.out.printf(Locale.ROOT, "| %-24s | %5d | %8.2f | %8.2f | %8.2f | %8.2f |%n", label, s.count(),
                s.ms(50), s.ms(99), s.maxMs(), s.meanMs());
    }

    // ---------------------------------------------------------------- facts about the machine

    private void recordMachine() throws SQLException {
        machine.put("cpus (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu model", fileLine(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        machine.put("memory", fileLine(Path.of("/proc/meminfo"), "MemTotal").orElse("?"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        try (Connection connection = server.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT version(), current_setting('shared_buffers'), current_setting('work_mem'),
                            current_setting('effective_cache_size'), current_setting('random_page_cost'),
                            current_setting('jit'), current_setting('max_parallel_workers_per_gather'),
                            current_setting('synchronous_commit'), current_setting('max_connections')""")) {
            rs.next();
            machine.put("postgresql", rs.getString(1));
            machine.put("shared_buffers", rs.getString(2));
            machine.put("work_mem", rs.getString(3));
            machine.put("effective_cache_size", rs.getString(4));
            machine.put("random_page_cost", rs.getString(5));
            machine.put("jit", rs.getString(6));
            machine.put("parallel workers/gather", rs.getString(7));
            machine.put("synchronous_commit", rs.getString(8));
            machine.put("max_connections", rs.getString(9));
        }
        machine.forEach((k, v) -> say(k + ": " + v));
    }

    private void checkOtherBuilds(String when) {
        phase = when;
        List<String> others = otherBuilds();
        if (others.isEmpty()) {
            say("other Maven/Surefire processes at " + when + ": none");
        } else {
            say("WARNING: other Maven/Surefire processes at " + when + ": " + others);
        }
    }

    /** Looks for other builds every 2 s while the benchmark runs, and remembers each one it saw. */
    private Thread watchOtherBuilds() {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                otherBuilds();
                try {
                    TimeUnit.SECONDS.sleep(2);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "other-builds-watch");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private List<String> otherBuilds() {
        long self = ProcessHandle.current().pid();
        List<String> others = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains("maven") || c.contains("surefire"))
                        .orElse(false))
                .map(p -> "pid " + p.pid() + " " + describe(p.info().commandLine().orElse("")))
                .toList();
        synchronized (otherBuildsSeen) {
            for (String other : others) {
                otherBuildsSeen.putIfAbsent(other, phase);
            }
        }
        return others;
    }

    /** A build process by what it runs: the Surefire booter of a module, or Maven with its goals. */
    private static String describe(String commandLine) {
        int surefire = commandLine.indexOf("/target/surefire");
        if (surefire >= 0) {
            int start = commandLine.lastIndexOf(' ', surefire) + 1;
            return "surefire " + commandLine.substring(start, surefire).replaceAll("^'", "");
        }
        int launcher = commandLine.indexOf("org.codehaus.plexus.classworlds.launcher.Launcher");
        if (launcher >= 0) {
            String rest = commandLine.substring(launcher + "org.codehaus.plexus.classworlds.launcher.Launcher".length())
                    .strip();
            return "maven " + (rest.length() <= 100 ? rest : rest.substring(0, 97) + "...");
        }
        return commandLine.length() <= 100 ? commandLine : commandLine.substring(0, 97) + "...";
    }

    private static Optional<String> fileLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- HTTP

    private HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The platform admin's token, issued again well before the 15 minutes it is valid. */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenIssued > TimeUnit.MINUTES.toNanos(5)) {
            token = TestTokens.admin(platformId.toString());
            tokenIssued = System.nanoTime();
        }
        return token;
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).GET().build();
    }

    private HttpRequest createRequest(String kind) {
        long n = EMAILS.incrementAndGet();
        String body = "{\"email\":\"bench-" + kind + "-" + n + "@example.com\",\"teamName\":\"Bench Team " + n + "\"}";
        return HttpRequest.newBuilder(URI.create(base() + "/api/v1/customers")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static HttpResponse<byte[]> expect(HttpClient client, HttpRequest request, int status) {
        HttpResponse<byte[]> response = send(client, request);
        check(response, status, request);
        return response;
    }

    private static void check(HttpResponse<byte[]> response, int status, HttpRequest request) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + " (wanted " + status + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- small things

    private static void say(String message) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", seconds(System.nanoTime() - STARTED), message);
        System.out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String abbreviate(String text) {
        return text.length() <= 34 ? text : text.substring(0, 31) + "...";
    }
}
