package io.tally.auth.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.auth.AuthServiceApplication;
import io.tally.testsupport.Api;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The auth-service benchmark: the real application in this JVM on a database of its own on the
 * local PostgreSQL and an in-process Kafka broker, a platform with a few dozen admins as the
 * accounts that sign in, and then, through the REST API with a plain HTTP client, at 1, 8 and
 * 32 concurrent clients, each after an uncounted warm-up:
 * <ol>
 *   <li>sign-in throughput and latency, at the service's default Argon2id cost,</li>
 *   <li>refresh throughput and latency, each client following its own session's chain of
 *       refresh tokens (a refresh token is good for one use only).</li>
 * </ol>
 * Before the broker and the service start, on a quiet JVM:
 * <ol start="3">
 *   <li>the time of one password comparison at the default Argon2id cost and at the costs it was
 *       chosen against, single-threaded.</li>
 * </ol>
 * The clients run in the same JVM on the same cores as the service and PostgreSQL: on a small
 * machine the figures are those of all three together, not of the service alone.
 * Not a test: nothing runs it in CI. Run it with {@code bench/auth-service.sh}. Settings are
 * system properties, see {@link Settings}.
 */
public final class AuthServiceBenchmark {

    private static final String DATABASE = "bench_auth";
    private static final String BOOTSTRAP_PROPERTY = "tally.kafka.bootstrap-servers";
    private static final String PROVIDER_USERNAME = "provider@bench.tally.test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STARTED = System.nanoTime();
    /** Odd answers printed in full; the rest are only counted. */
    private static final int ODD_ANSWERS_SHOWN = 5;

    /** The benchmark's knobs, as system properties with these defaults. */
    record Settings(int seconds, int warmupSeconds, List<Integer> clients, int admins, int hashRuns,
                    int hashWarmup) {

        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.seconds", 15),
                    Integer.getInteger("bench.warmupSeconds", 5),
                    Arrays.stream(System.getProperty("bench.clients", "1,8,32").split(","))
                            .map(String::strip).map(Integer::valueOf).toList(),
                    Integer.getInteger("bench.admins", 32),
                    Integer.getInteger("bench.hashRuns", 30),
                    Integer.getInteger("bench.hashWarmup", 5));
        }
    }

    /** An account the clients sign in as. */
    record Subject(String username, String password) {
    }

    /** One measured step: an operation at a number of concurrent clients. */
    record StepResult(String operation, int clients, double seconds, long errors, Percentiles latency) {

        double perSecond() {
            return latency.count() / seconds;
        }
    }

    /** The measured part of a step, in {@link System#nanoTime()}: requests answered within it count. */
    private record Window(long from, long to) {
    }

    /** One request of a client; true when the service answered as it should. */
    @FunctionalInterface
    private interface Operation {
        boolean send() throws IOException, InterruptedException;
    }

    /** Prepares one client's operation on the client's own thread, before the step's clock starts. */
    @FunctionalInterface
    private interface ClientSetup {
        Operation prepare(HttpClient http, int client) throws IOException, InterruptedException;
    }

    private final Settings settings;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final String databaseUrl;
    /** A new one each run: the benchmark's database is new each run too. */
    private final String providerPassword = "bench-" + UUID.randomUUID();
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final Map<String, String> otherBuildsSeen = new LinkedHashMap<>();
    private final AtomicInteger oddAnswers = new AtomicInteger();
    private final List<Subject> subjects = new ArrayList<>();
    private String storedHashCost = "?";
    private String clockBean = "?";
    private int port;

    private AuthServiceBenchmark(Settings settings) {
        this.settings = settings;
        this.adminUrl = setting("TALLY_DB_URL").orElse("jdbc:postgresql://127.0.0.1:5432/postgres");
        this.user = setting("TALLY_DB_USER").orElse("postgres");
        this.password = setting("TALLY_DB_PASSWORD").orElse("");
        this.databaseUrl = urlOf(adminUrl, DATABASE);
    }

    public static void main(String[] args) {
        quietLogging();
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        AuthServiceBenchmark benchmark = new AuthServiceBenchmark(Settings.fromSystemProperties());
        int status = 0;
        try {
            benchmark.run();
        } catch (Throwable e) {
            status = 1;
            e.printStackTrace(System.out);
        }
        System.out.flush();
        System.exit(status);
    }

    private void run() throws Exception {
        say("auth-service benchmark, settings " + settings);
        recordMachine();
        noteOtherBuilds("start");
        // First, while nothing else runs in this JVM: the hash timings are of the hash alone.
        List<HashCost.Result> hashes = hashCost();

        recreateDatabase();
        AtomicBoolean dropped = new AtomicBoolean();
        Thread dropOnAbort = new Thread(() -> {
            if (dropped.compareAndSet(false, true)) {
                dropDatabase();
            }
        }, "drop-bench-database");
        Runtime.getRuntime().addShutdownHook(dropOnAbort);
        EmbeddedKafkaKraftBroker broker = null;
        ConfigurableApplicationContext context = null;
        try {
            long started = System.nanoTime();
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperties(Map.of("auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            System.setProperty(BOOTSTRAP_PROPERTY, broker.getBrokersAsString());
            say(String.format(Locale.ROOT, "Kafka broker at %s, started in %.1f s", broker.getBrokersAsString(),
                    seconds(System.nanoTime() - started)));

            started = System.nanoTime();
            // The throttle counts failures per client address, and every client here is 127.0.0.1.
            context = new SpringApplicationBuilder(AuthServiceApplication.class)
                    .run("--spring.datasource.url=" + databaseUrl,
                            "--spring.datasource.username=" + user,
                            "--spring.datasource.password=" + password,
                            "--server.port=0",
                            "--tally.provider.username=" + PROVIDER_USERNAME,
                            "--tally.provider.password=" + providerPassword,
                            "--tally.login-throttle.address-max-failures=1000000",
                            "--logging.level.root=WARN",
                            "--spring.main.banner-mode=off");
            port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
            clockBean = context.getBean(Clock.class).getClass().getName();
            say(String.format(Locale.ROOT, "auth-service on port %d, started in %.1f s (clock %s)", port,
                    seconds(System.nanoTime() - started), clockBean));

            createAdmins();
            storedHashCost = storedHashCost();
            say("the admins' stored password hash: " + storedHashCost);

            List<StepResult> steps = new ArrayList<>();
            for (int clients : settings.clients()) {
                steps.add(step("1.", "login", clients, this::signingIn));
            }
            for (int clients : settings.clients()) {
                steps.add(step("2.", "refresh", clients, this::refreshing));
            }
            noteOtherBuilds("end");
            printReport(hashes, steps);
        } finally {
            if (context != null) {
                context.close();
            }
            if (broker != null) {
                broker.destroy();
            }
            System.clearProperty(BOOTSTRAP_PROPERTY);
            if (dropped.compareAndSet(false, true)) {
                dropDatabase();
                say("dropped database " + DATABASE);
            }
            Runtime.getRuntime().removeShutdownHook(dropOnAbort);
        }
    }

    // ---------------------------------------------------------------- 3: the hash cost

    private List<HashCost.Result> hashCost() {
        say("3. hash cost: one PasswordEncoder.matches, single-threaded, " + settings.hashWarmup()
                + " warm-up + " + settings.hashRuns() + " timed per encoder");
        List<HashCost.Result> results = new ArrayList<>();
        for (HashCost.Candidate candidate : HashCost.candidates()) {
            results.add(HashCost.measure(candidate, settings.hashWarmup(), settings.hashRuns(),
                    AuthServiceBenchmark::say));
        }
        return results;
    }

    // ---------------------------------------------------------------- the database and the accounts

    private void recreateDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        say("created database " + DATABASE + " on " + adminUrl);
    }

    private void dropDatabase() {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("could not drop database " + DATABASE + ": " + e.getMessage());
        }
    }

    /**
     * One platform and its admins, created as the provider would, so that each has a password
     * hashed by the service itself. Client {@code i} signs in as admin {@code i mod admins}:
     * with as many admins as clients no two clients share an account.
     */
    private void createAdmins() {
        say("creating a platform and " + settings.admins() + " platform admins through the API");
        Api api = new Api(port);
        String provider = expect(api.post("/api/v1/auth/login", null, loginBody(PROVIDER_USERNAME, providerPassword)),
                200, "provider login").json().path("accessToken").asText();
        String platformId = expect(api.post("/api/v1/platforms", provider, json(Map.of("name", "Bench Platform"))),
                201, "create platform").json().path("id").asText();
        long lastPrint = System.nanoTime();
        for (int i = 0; i < settings.admins(); i++) {
            JsonNode admin = expect(api.post("/api/v1/platforms/" + platformId + "/admins", provider,
                    json(Map.of("email", "bench-admin-" + i + "@bench.example.com"))), 201, "create admin").json();
            subjects.add(new Subject(admin.path("email").asText(), admin.path("password").asText()));
            if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
                lastPrint = System.nanoTime();
                say("  admins " + (i + 1) + "/" + settings.admins());
            }
        }
        say("  admins " + subjects.size() + "/" + settings.admins() + " created on platform " + platformId);
    }

    /** The cost parameters of an admin's stored hash, without salt and hash: what each login paid. */
    private String storedHashCost() throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT password_hash FROM account_credentials WHERE role = 'PLATFORM_ADMIN' LIMIT 1")) {
            if (!rs.next()) {
                return "no admin found";
            }
            // {argon2}$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
            String[] parts = rs.getString(1).split("\\$");
            return parts.length >= 4 ? parts[0] + " " + parts[1] + " " + parts[2] + " " + parts[3]
                    : "unrecognised format " + parts[0];
        }
    }

    // ---------------------------------------------------------------- 1 and 2: login and refresh

    /** A client signing in again and again as its own admin. */
    private Operation signingIn(HttpClient http, int client) {
        HttpRequest request = post("/api/v1/auth/login", loginBody(subject(client)));
        return () -> answered(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), "login");
    }

    /**
     * A client with a session of its own, refreshing it again and again with the newest refresh
     * token it got, as a browser tab keeps its session. Should a refresh be refused (an error),
     * the client signs in again within that same failed call, so that the next one is a refresh.
     */
    private Operation refreshing(HttpClient http, int client) throws IOException, InterruptedException {
        Subject subject = subject(client);
        HttpRequest login = post("/api/v1/auth/login", loginBody(subject));
        // The client's newest refresh token; only this client's thread reads and replaces it.
        AtomicReference<String> newest = new AtomicReference<>(refreshToken(http, login));
        return () -> {
            HttpResponse<byte[]> response = http.send(post("/api/v1/auth/refresh",
                    json(Map.of("refreshToken", newest.get()))), HttpResponse.BodyHandlers.ofByteArray());
            if (answered(response, "refresh")) {
                newest.set(readJson(response.body()).path("refreshToken").asText());
                return true;
            }
            newest.set(refreshToken(http, login));
            return false;
        };
    }

    private String refreshToken(HttpClient http, HttpRequest login) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(login, HttpResponse.BodyHandlers.ofByteArray());
        if (!answered(response, "login for a session to refresh")) {
            throw new IllegalStateException("Could not sign in to start a session to refresh");
        }
        return readJson(response.body()).path("refreshToken").asText();
    }

    private Subject subject(int client) {
        return subjects.get(client % subjects.size());
    }

    /**
     * {@code clients} threads repeat the operation for the warm-up and the measured seconds,
     * through one HTTP/1.1 client whose pool keeps a connection per concurrent request. A request
     * counts when it is answered within the measured window, wherever it started.
     */
    private StepResult step(String part, String operation, int clients, ClientSetup setup)
            throws InterruptedException {
        String name = operation + ", " + clients + " client" + (clients == 1 ? "" : "s");
        noteOtherBuilds(name);
        say(String.format(Locale.ROOT, "%s %s: %d s warm-up, then %d s measured", part, name,
                settings.warmupSeconds(), settings.seconds()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch prepared = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Window> window = new AtomicReference<>();
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Percentiles.Recorder> recorders = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Percentiles.Recorder recorder = new Percentiles.Recorder();
            recorders.add(recorder);
            Thread thread = new Thread(() -> {
                try {
                    Operation request;
                    try {
                        request = setup.prepare(http, client);
                    } catch (IOException | RuntimeException e) {
                        // Recorded before the count-down, so that the step sees it before it starts the clock.
                        failures.add(e);
                        return;
                    } finally {
                        prepared.countDown();
                    }
                    start.await();
                    Window measured = window.get();
                    while (measured != null && System.nanoTime() < measured.to()) {
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            ok = request.send();
                        } catch (IOException e) {
                            odd(operation + " failed: " + e);
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        done.incrementAndGet();
                        if (t1 >= measured.from() && t1 <= measured.to()) {
                            if (ok) {
                                recorder.add(t1 - t0);
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            }, "bench-client-" + c);
            threads.add(thread);
            thread.start();
        }
        prepared.await();
        if (failures.isEmpty()) {
            long from = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
            window.set(new Window(from, from + TimeUnit.SECONDS.toNanos(settings.seconds())));
        }
        start.countDown();
        printProgress(name, threads, window.get(), done);
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(name + ": a client failed", failures.get(0));
        }
        StepResult result = new StepResult(operation, clients, settings.seconds(), errors.get(),
                Percentiles.of(recorders));
        say(String.format(Locale.ROOT, "  %s: %.1f/s, %s, %d errors", name, result.perSecond(),
                result.latency().brief(), result.errors()));
        return result;
    }

    /** Every 5 s while the clients run: the phase, the seconds of it gone, the requests done so far and their rate. */
    private void printProgress(String name, List<Thread> threads, Window window, AtomicLong done)
            throws InterruptedException {
        if (window == null) {
            return;
        }
        long lastCount = 0;
        long lastTime = System.nanoTime();
        while (threads.stream().anyMatch(Thread::isAlive)) {
            TimeUnit.MILLISECONDS.sleep(250);
            long now = System.nanoTime();
            if (now - lastTime >= TimeUnit.SECONDS.toNanos(5)) {
                long count = done.get();
                String phase = now < window.from()
                        ? String.format(Locale.ROOT, "warming up %.0f/%d s", settings.warmupSeconds()
                        - seconds(window.from() - now), settings.warmupSeconds())
                        : String.format(Locale.ROOT, "measuring %.0f/%d s", Math.min(settings.seconds(),
                        seconds(now - window.from())), settings.seconds());
                say(String.format(Locale.ROOT, "  %s: %s, %d done, %.1f/s over the last %.0f s", name, phase,
                        count, (count - lastCount) / seconds(now - lastTime), seconds(now - lastTime)));
                lastCount = count;
                lastTime = now;
            }
        }
    }

    /** 200, or an error whose answer is shown (the first few only). */
    private boolean answered(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() == 200) {
            return true;
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        odd(what + " answered " + response.statusCode() + ": " + (body.length() <= 300 ? body
                : body.substring(0, 297) + "..."));
        return false;
    }

    private void odd(String message) {
        if (oddAnswers.incrementAndGet() <= ODD_ANSWERS_SHOWN) {
            say("  ODD: " + message);
        }
    }

    // ---------------------------------------------------------------- the report

    private void printReport(List<HashCost.Result> hashes, List<StepResult> steps) {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        System.out.println("machine:");
        machine.forEach((k, v) -> System.out.printf(Locale.ROOT, "    %-24s %s%n", k, v));
        System.out.printf(Locale.ROOT, "    %-24s %s%n", "other Maven/Surefire", otherBuildsSeen.isEmpty()
                ? "none seen (checked at the start, the end and around every step)"
                : "SEEN, they shared the CPUs:");
        otherBuildsSeen.forEach((process, when) -> System.out.println("        at " + when + ": " + process));
        System.out.println("The HTTP clients run in the benchmark's JVM, beside the service and PostgreSQL on the "
                + "same cores.");
        System.out.println();
        System.out.printf(Locale.ROOT, "1./2. POST /api/v1/auth/login and /api/v1/auth/refresh, %d s warm-up then "
                + "%d s measured per row, %d platform admins as subjects (client i signs in as admin i mod %d)%n",
                settings.warmupSeconds(), settings.seconds(), subjects.size(), subjects.size());
        System.out.println("stored password hashes: " + storedHashCost);
        System.out.printf(Locale.ROOT, "| %-9s | %7s | %8s | %8s | %6s | %8s | %8s | %8s |%n", "operation",
                "clients", "requests", "req/s", "errors", "p50 ms", "p99 ms", "max ms");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(11), "-".repeat(9),
                "-".repeat(10), "-".repeat(10), "-".repeat(8), "-".repeat(10), "-".repeat(10), "-".repeat(10));
        for (StepResult s : steps) {
            System.out.printf(Locale.ROOT, "| %-9s | %7d | %8d | %8.1f | %6d | %8.2f | %8.2f | %8.2f |%n",
                    s.operation(), s.clients(), s.latency().count(), s.perSecond(), s.errors(),
                    s.latency().millis(50), s.latency().millis(99), s.latency().maxMillis());
        }
        if (oddAnswers.get() > 0) {
            System.out.printf(Locale.ROOT, "%d odd answers or failed requests in all, warm-ups included (the first "
                    + "%d are shown above)%n", oddAnswers.get(), ODD_ANSWERS_SHOWN);
        }
        System.out.println();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "3. one PasswordEncoder.matches, in-process, single-threaded, before the "
                + "service started: %d warm-up + %d timed each%n", settings.hashWarmup(), settings.hashRuns());
        System.out.printf(Locale.ROOT, "| %-9s | %-32s | %9s | %8s | %8s | %10s | %12s |%n", "algorithm",
                "parameters", "median ms", "min ms", "max ms", "per core/s", "on " + cores + " cores/s");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(11), "-".repeat(34), "-".repeat(11),
                "-".repeat(10), "-".repeat(10), "-".repeat(12), "-".repeat(14));
        for (HashCost.Result h : hashes) {
            System.out.printf(Locale.ROOT, "| %-9s | %-32s | %9.1f | %8.1f | %8.1f | %10.1f | %12.1f |%n",
                    h.algorithm(), h.parameters(), h.timings().millis(50), h.timings().minMillis(),
                    h.timings().maxMillis(), h.perCoreSecond(), cores * h.perCoreSecond());
        }
        System.out.println("(per core/s and on N cores/s: the comparisons at the median time that the cores could do "
                + "in a second, the ceiling of logins if hashing were all their work)");
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", seconds(System.nanoTime() - STARTED));
    }

    // ---------------------------------------------------------------- facts about the machine

    private void recordMachine() throws SQLException {
        machine.put("cpus (nproc)", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("cpu model", fileLine(Path.of("/proc/cpuinfo"), "model name").orElse("?"));
        machine.put("memory", fileLine(Path.of("/proc/meminfo"), "MemTotal").orElse("?"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT version(), current_setting('shared_buffers'), current_setting('synchronous_commit'),
                            current_setting('max_connections')""")) {
            rs.next();
            machine.put("postgresql", rs.getString(1));
            machine.put("shared_buffers", rs.getString(2));
            machine.put("synchronous_commit", rs.getString(3));
            machine.put("max_connections", rs.getString(4));
        }
        machine.forEach((k, v) -> say(k + ": " + v));
    }

    /** Remembers other Maven/Surefire processes: on two cores they would take a share of the CPUs. */
    private void noteOtherBuilds(String when) {
        long self = ProcessHandle.current().pid();
        List<String> others = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .flatMap(p -> p.info().commandLine()
                        .filter(c -> c.contains("maven") || c.contains("surefire"))
                        .map(c -> "pid " + p.pid() + " ..." + c.substring(Math.max(0, c.length() - 120))).stream())
                .toList();
        others.forEach(other -> otherBuildsSeen.putIfAbsent(other, when));
        if (!others.isEmpty()) {
            say("WARNING: other Maven/Surefire processes at " + when + ": " + others);
        }
    }

    private static Optional<String> fileLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- HTTP and JSON

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Api.Response expect(Api.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response + " (wanted " + status + ")");
        }
        return response;
    }

    private static String loginBody(Subject subject) {
        return loginBody(subject.username(), subject.password());
    }

    private static String loginBody(String username, String password) {
        return json(Map.of("username", username, "password", password));
    }

    private static String json(Map<String, String> fields) {
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(byte[] body) throws IOException {
        return JSON.readTree(body);
    }

    // ---------------------------------------------------------------- small things

    private static void say(String message) {
        System.out.printf(Locale.ROOT, "[%7.1f s] %s%n", seconds(System.nanoTime() - STARTED), message);
        System.out.flush();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static Optional<String> setting(String name) {
        return Optional.ofNullable(System.getProperty(name, System.getenv(name))).filter(v -> !v.isBlank());
    }

    /** The JDBC URL of another database on the server of {@code adminUrl}. */
    private static String urlOf(String adminUrl, String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            throw new IllegalStateException("TALLY_DB_URL has no database part: " + adminUrl);
        }
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** Kafka's broker and the application log at WARN, from the first line on. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
