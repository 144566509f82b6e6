package io.tally.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.fuzz.ApiDocument.Operation;
import io.tally.systemtests.fuzz.Call.Caller;
import io.tally.systemtests.fuzz.Wire.Exchange;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.TallySystem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system the fuzz runs against, started for it alone: a fuzz platform whose customers,
 * invitations and pool the fuzz may change as any admin, customer or the provider could, and a
 * canary platform it must never change, whose customers and invitations it nonetheless names. It
 * keeps the fuzz's sessions (refreshed before their tokens expire) and every ledger entry a money
 * write was answered with, so that the ledger can be held against what was accepted.
 */
final class FuzzedSystem implements AutoCloseable {

    private static final Duration REFRESH_AFTER = Duration.ofMinutes(10);
    private static final Pattern CUSTOMER_PATH = Pattern.compile("^/api/v1/customers/([0-9a-f-]{36})/");
    private static final Set<String> MONEY_WRITES = Set.of("refillBalance", "deductBalance", "setCustomerCredits");

    private final TallySystem system;
    private final Api api;
    private final Console console;
    private final Wire wire;
    private final ApiDocument document;
    private final Platform fuzz;
    private final Platform canary;
    private final List<String> fuzzCustomers = new ArrayList<>();
    private final List<String> canaryCustomers = new ArrayList<>();
    private final List<String> canaryInvitations = new ArrayList<>();
    private final Session admin;
    private final Session provider;
    private final Session customer;
    private final String leaverEmail;
    private final String leaverPassword;
    private final Map<String, Set<String>> acceptedEntries = new ConcurrentHashMap<>();
    private final Map<Operation, Arbitrary<Call>> calls = new HashMap<>();
    private final Arbitrary<Call> anyCall;

    private FuzzedSystem(TallySystem system) {
        this.system = system;
        this.api = system.api();
        this.console = system.console();
        this.wire = new Wire(api.base(), system.contract());
        Api.Response served = new Api(api.base()).get("/docs/openapi.json", null);
        assertThat(served.status()).as("the API document: %s", served).isEqualTo(200);
        this.document = ApiDocument.parse(served.body());

        canary = console.newPlatform("500.00");
        for (int i = 0; i < 2; i++) {
            String id = console.createCustomer(canary, Console.uniqueEmail("canary"), "Canary " + i);
            canaryCustomers.add(id);
            assertThat(console.refill(canary, id, "20.00", "canary-refill-" + UUID.randomUUID()).status()).isEqualTo(200);
            assertThat(console.setCredits(canary, id, "5.00", "canary-credits-" + UUID.randomUUID()).status())
                    .isEqualTo(200);
            assertThat(api.put("/api/v1/customers/" + id + "/tags", canary.adminToken(),
                    Map.of("tags", List.of("canary", "tag" + i))).status()).isEqualTo(204);
        }
        assertThat(api.put("/api/v1/customers/" + canaryCustomers.get(0) + "/billing-info", canary.adminToken(),
                Map.of("type", "ENTERPRISE", "companyName", "Canary Corp")).status()).isEqualTo(204);
        canaryInvitations.add(invitation(canary));

        fuzz = console.newPlatform("500.00");
        for (int i = 0; i < 3; i++) {
            fuzzCustomers.add(console.createCustomer(fuzz, Console.uniqueEmail("fuzzed"), "Fuzzed " + i));
        }
        assertThat(console.refill(fuzz, fuzzCustomers.get(0), "50.00", "fuzz-refill-" + UUID.randomUUID()).status())
                .isEqualTo(200);
        assertThat(console.setCredits(fuzz, fuzzCustomers.get(1), "10.00", "fuzz-credits-" + UUID.randomUUID()).status())
                .isEqualTo(200);
        List<String> fuzzInvitations = List.of(invitation(fuzz), invitation(fuzz));

        String customerEmail = Console.uniqueEmail("fuzz-customer");
        String customerId = console.createCustomer(fuzz, customerEmail, "Fuzz Customer");
        customer = new Session(customerEmail, customerPassword(customerId), fuzz.id());
        admin = new Session(fuzz.adminEmail(), fuzz.adminPassword(), null);
        provider = new Session(TallySystem.PROVIDER_USERNAME, TallySystem.PROVIDER_PASSWORD, null);
        leaverEmail = Console.uniqueEmail("leaver");
        Api.Response leaver = api.post("/api/v1/platforms/" + fuzz.id() + "/admins", provider.token(),
                Map.of("email", leaverEmail));
        assertThat(leaver.status()).as("%s", leaver).isEqualTo(201);
        leaverPassword = leaver.json().path("password").asText();

        for (String id : canaryCustomers) {
            console.awaitCustomer(canary, id, row -> "20.00".equals(row.path("balance").asText())
                    && "5.00".equals(row.path("credits").asText()) && row.path("tags").size() == 2);
        }
        console.awaitCustomer(canary, canaryCustomers.get(0), row -> "ENTERPRISE".equals(row.path("billingType").asText()));

        Calls generator = new Calls(new Calls.Targets(fuzz.id(), List.copyOf(fuzzCustomers), List.copyOf(canaryCustomers),
                fuzzInvitations, List.copyOf(canaryInvitations)));
        document.operations().forEach(operation -> calls.put(operation, generator.of(operation)));
        anyCall = Arbitraries.of(document.operations()).flatMap(calls::get);
    }

    static FuzzedSystem start() {
        TallySystem system = TallySystem.start();
        try {
            return new FuzzedSystem(system);
        } catch (RuntimeException | AssertionError e) {
            system.close();
            throw e;
        }
    }

    Arbitrary<Call> calls() {
        return anyCall;
    }

    /** Sends the call with its caller's token, and remembers the ledger entry an accepted money write made. */
    Exchange send(Call call) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        String token = token(call.caller());
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        Exchange answer = wire.send(call.operation().method(), call.pathAndQuery(), headers, call.body());
        if (answer.status() / 100 == 2 && MONEY_WRITES.contains(call.operation().id())) {
            Matcher customerId = CUSTOMER_PATH.matcher(call.path());
            if (customerId.find()) {
                acceptedEntries.computeIfAbsent(customerId.group(1), id -> ConcurrentHashMap.newKeySet())
                        .add(answer.json().path("entryId").asText());
            }
        }
        return answer;
    }

    private String token(Caller caller) {
        return switch (caller) {
            case ADMIN -> admin.token();
            case PROVIDER -> provider.token();
            case CUSTOMER -> customer.token();
            case NONE -> null;
            case LEAVER -> {
                Api.Response signedIn = console.signIn(leaverEmail, leaverPassword, null);
                yield signedIn.status() == 200 ? signedIn.json().path("accessToken").asText() : null;
            }
        };
    }

    /** The canary platform as its admin sees it: list, pool, invitations, tags, each customer and its billing details. */
    Map<String, String> canaryState() {
        Map<String, String> state = new TreeMap<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/customers?limit=200", "/api/v1/credit-pool",
                "/api/v1/invitations?limit=200", "/api/v1/customers/tags"));
        for (String id : canaryCustomers) {
            paths.add("/api/v1/customers/" + id);
            paths.add("/api/v1/customers/" + id + "/billing-details?limit=200");
        }
        for (String id : canaryInvitations) {
            paths.add("/api/v1/invitations/" + id);
        }
        for (String path : paths) {
            Api.Response response = api.get(path, canary.adminToken());
            assertThat(response.status()).as("%s: %s", path, response).isEqualTo(200);
            state.put(path, response.body());
        }
        return state;
    }

    /** The ledger entries of each customer the fuzz may change, by customer. */
    Map<String, Set<String>> fuzzEntries() {
        Map<String, Set<String>> entries = new TreeMap<>();
        for (String id : fuzzCustomers) {
            Set<String> ids = new HashSet<>();
            String cursor = null;
            do {
                Api.Response page = api.get("/api/v1/customers/" + id + "/billing-details?limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor), admin.token());
                assertThat(page.status()).as("%s", page).isEqualTo(200);
                page.json().path("items").forEach(entry -> ids.add(entry.path("entryId").asText()));
                cursor = page.json().path("nextCursor").asText(null);
            } while (cursor != null);
            entries.put(id, ids);
        }
        return entries;
    }

    /** The entries each accepted money write was answered with, by customer. */
    Map<String, Set<String>> acceptedEntries() {
        return acceptedEntries;
    }

    /** Every hash chain of the fuzz platform that does not verify. */
    List<String> brokenChains() {
        List<String> broken = new ArrayList<>();
        List<String> paths = new ArrayList<>(List.of("/api/v1/credit-pool/verification"));
        fuzzCustomers.forEach(id -> paths.add("/api/v1/customers/" + id + "/ledger/verification"));
        for (String path : paths) {
            Api.Response verification = api.get(path, admin.token());
            if (verification.status() != 200 || !verification.json().path("ok").asBoolean()) {
                broken.add(path + ": " + verification);
            }
        }
        return broken;
    }

    /** Awaits the customer list's credits adding up to the pool's allocation, as the conservation law has it. */
    void awaitPoolConserved() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode pool = api.get("/api/v1/credit-pool", admin.token()).json();
            BigDecimal credits = BigDecimal.ZERO;
            String cursor = null;
            do {
                JsonNode page = api.get("/api/v1/customers?limit=200" + (cursor == null ? "" : "&cursor=" + cursor),
                        admin.token()).json();
                for (JsonNode row : page.path("items")) {
                    credits = credits.add(new BigDecimal(row.path("credits").asText("0")));
                }
                cursor = page.path("nextCursor").asText(null);
            } while (cursor != null);
            assertThat(credits).as("the customers' credits against the pool %s", pool)
                    .isEqualByComparingTo(new BigDecimal(pool.path("allocated").asText()));
        });
    }

    @Override
    public void close() {
        system.close();
    }

    private String invitation(Platform platform) {
        Api.Response invitation = api.post("/api/v1/invitations", platform.adminToken(), Map.of());
        assertThat(invitation.status()).as("%s", invitation).isEqualTo(201);
        return invitation.json().path("id").asText();
    }

    /** A password an admin's reset gave the customer. */
    private String customerPassword(String customerId) {
        Api.Response[] reset = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            reset[0] = api.post("/api/v1/customers/" + customerId + "/password-resets", fuzz.adminToken(), null);
            return reset[0].status() == 201;
        });
        assertThat(api.post("/api/v1/customers/" + customerId + "/password-resets/"
                + reset[0].json().path("resetId").asText() + "/confirmation", fuzz.adminToken(), null).status())
                .isEqualTo(204);
        return reset[0].json().path("password").asText();
    }

    /** A signed-in account whose access token is refreshed before it expires, however long the run. */
    private final class Session {

        private String accessToken;
        private String refreshToken;
        private long obtainedAt;

        Session(String username, String password, String platformId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", username);
            body.put("password", password);
            if (platformId != null) {
                body.put("platformId", platformId);
            }
            keep(api.post("/api/v1/auth/login", null, body));
        }

        synchronized String token() {
            if (System.nanoTime() - obtainedAt > REFRESH_AFTER.toNanos()) {
                keep(api.post("/api/v1/auth/refresh", null, Map.of("refreshToken", refreshToken)));
            }
            return accessToken;
        }

        private void keep(Api.Response tokens) {
            assertThat(tokens.status()).as("%s", tokens).isEqualTo(200);
            accessToken = tokens.json().path("accessToken").asText();
            refreshToken = tokens.json().path("refreshToken").asText();
            obtainedAt = System.nanoTime();
        }
    }
}
