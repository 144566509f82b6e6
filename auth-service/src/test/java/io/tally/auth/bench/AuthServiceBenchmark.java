package io.tally.auth.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.auth.AuthServiceApplication;
import io.tally.testsupport.Api;
import io.tally.testsupport.bench.BenchDatabase;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.ClosedLoop;
import io.tally.testsupport.bench.ClosedLoop.Result;
import io.tally.testsupport.bench.InProcessService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private final Settings settings;
    private final BenchDatabase server = BenchDatabase.fromEnvironment();
    private final ClosedLoop loop = new ClosedLoop(AuthServiceBenchmark::say);
    /** A new one each run: the benchmark's database is new each run too. */
    private final String providerPassword = "bench-" + UUID.randomUUID();
    private final AtomicInteger oddAnswers = new AtomicInteger();
    private final List<Subject> subjects = new ArrayList<>();
    private String storedHashCost = "?";
    private BenchMachine machine;
    private int port;

    private AuthServiceBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        InProcessService.exitAfter(() -> new AuthServiceBenchmark(Settings.fromSystemProperties()).run());
    }

    private void run() throws Exception {
        say("auth-service benchmark, settings " + settings);
        machine = BenchMachine.describe(server, AuthServiceBenchmark::say);
        // First, while nothing else runs in this JVM: the hash timings are of the hash alone.
        List<HashCost.Result> hashes = hashCost();

        // The throttle counts failures per client address, and every client here is 127.0.0.1.
        try (InProcessService service = InProcessService.start(server, DATABASE,
                List.of(AuthServiceApplication.class),
                List.of("--tally.provider.username=" + PROVIDER_USERNAME,
                        "--tally.provider.password=" + providerPassword,
                        "--tally.login-throttle.address-max-failures=1000000"),
                AuthServiceBenchmark::say)) {
            port = service.port();
            say("auth-service clock: " + service.bean(Clock.class).getClass().getName());

            createAdmins();
            storedHashCost = storedHashCost();
            say("the admins' stored password hash: " + storedHashCost);

            List<Result> steps = new ArrayList<>();
            for (int clients : settings.clients()) {
                steps.add(step("1.", "login", clients, this::signingIn));
            }
            for (int clients : settings.clients()) {
                steps.add(step("2.", "refresh", clients, this::refreshing));
            }
            machine.noteOtherBuilds("the end");
            printReport(hashes, steps);
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
        try (Connection connection = server.connect(DATABASE);
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
    private ClosedLoop.Client signingIn(HttpClient http, int client) {
        HttpRequest request = post("/api/v1/auth/login", loginBody(subject(client)));
        return () -> answered(http.send(request, HttpResponse.BodyHandlers.ofByteArray()), "login");
    }

    /**
     * A client with a session of its own, refreshing it again and again with the newest refresh
     * token it got, as a browser tab keeps its session. Should a refresh be refused (an error),
     * the client signs in again within that same failed call, so that the next one is a refresh.
     */
    private ClosedLoop.Client refreshing(HttpClient http, int client) throws IOException, InterruptedException {
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

    /** Prepares one client's requests on the client's own thread, before the step's clock starts. */
    @FunctionalInterface
    private interface ClientSetup {
        ClosedLoop.Client prepare(HttpClient http, int client) throws IOException, InterruptedException;
    }

    /**
     * {@code clients} clients ({@link ClosedLoop}) repeat the operation for the warm-up and the
     * measured seconds, through one HTTP/1.1 client whose pool keeps a connection per concurrent
     * request. A request that got no answer is an odd answer and an error, as a refused one is.
     */
    private Result step(String part, String operation, int clients, ClientSetup setup) throws InterruptedException {
        String name = operation + ", " + clients + " client" + (clients == 1 ? "" : "s");
        machine.noteOtherBuilds(name);
        say(String.format(Locale.ROOT, "%s %s: %d s warm-up, then %d s measured", part, name,
                settings.warmupSeconds(), settings.seconds()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Result result = loop.run(operation, clients, settings.warmupSeconds(), settings.seconds(), index -> {
            ClosedLoop.Client client = setup.prepare(http, index);
            return () -> {
                try {
                    return client.send();
                } catch (IOException e) {
                    odd(operation + " failed: " + e);
                    return false;
                }
            };
        });
        say(String.format(Locale.ROOT, "  %s: %.1f/s, %s, %d errors", name, result.perSecond(),
                result.latency().brief(), result.errors()));
        return result;
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

    private void printReport(List<HashCost.Result> hashes, List<Result> steps) {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        machine.print();
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
        for (Result s : steps) {
            System.out.printf(Locale.ROOT, "| %-9s | %7d | %8d | %8.1f | %6d | %8.2f | %8.2f | %8.2f |%n",
                    s.name(), s.clients(), s.latency().count(), s.perSecond(), s.errors(),
                    s.latency().ms(50), s.latency().ms(99), s.latency().maxMs());
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
                    h.algorithm(), h.parameters(), h.timings().ms(50), h.timings().minMs(),
                    h.timings().maxMs(), h.perCoreSecond(), cores * h.perCoreSecond());
        }
        System.out.println("(per core/s and on N cores/s: the comparisons at the median time that the cores could do "
                + "in a second, the ceiling of logins if hashing were all their work)");
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", seconds(System.nanoTime() - STARTED));
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
}
