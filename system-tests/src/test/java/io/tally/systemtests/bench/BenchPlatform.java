package io.tally.systemtests.bench;

import io.tally.systemtests.support.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the benchmark writes on, made through the gateway as the provider and a platform admin
 * would make it: a platform in USD, its admin, a credit pool, and customers the ledger knows.
 */
final class BenchPlatform {

    /** Access tokens live 15 minutes; one older than this is replaced before a step begins. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);
    /** The ledger learns of a platform or customer through Kafka a moment after its creation. */
    private static final Duration LEDGER_CATCH_UP = Duration.ofMinutes(2);
    private static final int SETUP_THREADS = 8;
    static final String REFILL_BODY = "{\"amount\":\"1.00\"}";

    private final Api gateway;
    private final Consumer<String> say;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> customers = new ArrayList<>();
    private String platformId;
    private String adminEmail;
    private String adminPassword;
    private volatile String adminToken;
    private volatile long adminTokenAt;

    BenchPlatform(Api gateway, Consumer<String> say) {
        this.gateway = gateway;
        this.say = say;
    }

    /** The platform, its admin and pool, and {@code count} customers, each with a first refill the ledger took. */
    void create(String providerUsername, String providerPassword, String poolTotal, int count) throws Exception {
        long started = System.nanoTime();
        String provider = login(providerUsername, providerPassword);
        platformId = expect(gateway.post("/api/v1/platforms", provider,
                Map.of("name", "Bench " + runId, "currency", "USD")), 201, "create the platform").json()
                .path("id").asText();
        adminEmail = "admin-" + runId + "@bench.example";
        adminPassword = expect(gateway.post("/api/v1/platforms/" + platformId + "/admins", provider,
                Map.of("email", adminEmail)), 201, "create the admin").json().path("password").asText();
        expect(untilLedgerKnows("PUT", "/api/v1/platforms/" + platformId + "/credit-pool", provider,
                "{\"total\":\"" + poolTotal + "\"}", "pool-" + runId), 200, "set the credit pool");
        say.accept("platform " + platformId + ", admin " + adminEmail + ", credit pool " + poolTotal + " USD");
        refreshAdminToken();

        ExecutorService setup = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                created.add(setup.submit(() -> expect(gateway.post("/api/v1/customers", adminToken,
                        Map.of("email", "c" + index + "-" + runId + "@bench.example", "teamName", "Bench " + index)),
                        201, "create customer " + index).json().path("id").asText()));
            }
            for (Future<String> id : created) {
                customers.add(id.get());
            }
            say.accept(String.format(Locale.ROOT, "%d customers created after %.1f s; waiting until the ledger "
                    + "knows each (a first refill of 1.00, sent again with its key while it answers 404)", count,
                    (System.nanoTime() - started) / 1e9));
            List<Future<?>> known = new ArrayList<>();
            for (String customer : customers) {
                known.add(setup.submit(() -> expect(untilLedgerKnows("POST",
                        "/api/v1/customers/" + customer + "/balance/refills", adminToken, REFILL_BODY,
                        "first-" + customer), 200, "first refill of " + customer)));
            }
            for (Future<?> done : known) {
                done.get();
            }
        } finally {
            setup.shutdown();
        }
        say.accept(String.format(Locale.ROOT, "setup done after %.1f s: the ledger knows all %d customers",
                (System.nanoTime() - started) / 1e9, count));
    }

    /** The admin signs in again when the token is old enough that it could expire during a step. */
    void refreshAdminTokenIfOld() {
        if (System.nanoTime() - adminTokenAt > TOKEN_REUSE.toNanos()) {
            refreshAdminToken();
        }
    }

    String adminToken() {
        return adminToken;
    }

    String adminEmail() {
        return adminEmail;
    }

    String adminPassword() {
        return adminPassword;
    }

    String platformId() {
        return platformId;
    }

    List<String> customers() {
        return customers;
    }

    String runId() {
        return runId;
    }

    private void refreshAdminToken() {
        adminToken = login(adminEmail, adminPassword);
        adminTokenAt = System.nanoTime();
    }

    private String login(String username, String password) {
        return expect(gateway.post("/api/v1/auth/login", null, Map.of("username", username, "password", password)),
                200, "sign-in of " + username).json().path("accessToken").asText();
    }

    /** A money write, sent again with the same key while the ledger answers 404 (it has not heard of the owner yet). */
    private Api.Response untilLedgerKnows(String method, String path, String token, String body, String key)
            throws InterruptedException {
        long deadline = System.nanoTime() + LEDGER_CATCH_UP.toNanos();
        while (true) {
            Api.Response response = gateway.send(method, path, token, body, Map.of("Idempotency-Key", key));
            if (response.status() != 404 || System.nanoTime() > deadline) {
                return response;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static Api.Response expect(Api.Response response, int status, String step) {
        if (response.status() != status) {
            throw new IllegalStateException(step + ": expected " + status + ", got " + response);
        }
        return response;
    }

    /** A request whose connection failed, as the IOException that {@link io.tally.testsupport.bench.ClosedLoop} counts. */
    static Api.Response send(Api api, String method, String path, String token, String body, String key)
            throws IOException {
        try {
            return api.send(method, path, token, body, Map.of("Idempotency-Key", key));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
