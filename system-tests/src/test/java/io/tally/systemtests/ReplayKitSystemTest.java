package io.tally.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.replay.LedgerReplay;
import io.tally.systemtests.replay.LedgerReplay.CustomerFigures;
import io.tally.systemtests.replay.LedgerReplay.PlatformFigures;
import io.tally.systemtests.replay.LedgerTopic;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The replay kit against the running system: after a mixed workload through the gateway, a consumer that knows only
 * docs/events.md reads {@code tally.ledger.events} from offset 0 and rebuilds every figure the API reports, and
 * every hash chain on the topic holds.
 */
class ReplayKitSystemTest extends SystemTest {

    /** Each customer's chain as the API answered it: the entry ids of the accepted writes, in order. */
    private final Map<String, List<String>> customerChains = new LinkedHashMap<>();
    /** The same for each platform's pool. */
    private final Map<String, List<String>> poolChains = new LinkedHashMap<>();

    @Test
    void theTopicFromOffsetZeroGivesEveryFigureTheApiReportsAndEveryChainHolds() {
        String provider = console.providerToken();
        Platform dollars = newPlatform(provider, "USD", "100.00");
        Platform yen = newPlatform(provider, "JPY", "50000");
        String ann = console.createCustomer(dollars, Console.uniqueEmail("ann"), "Ann's Team");
        String bob = console.createCustomer(dollars, Console.uniqueEmail("bob"), "Bob's Team");
        String cid = console.createCustomer(dollars, Console.uniqueEmail("cid"), "Cid's Team");
        String dee = console.createCustomer(yen, Console.uniqueEmail("dee"), "Dee's Team");
        String eve = console.createCustomer(yen, Console.uniqueEmail("eve"), "Eve's Team");
        String fay = console.createCustomer(yen, Console.uniqueEmail("fay"), "Fay's Team");

        accepted(customerChains, ann, console.money("POST", "/api/v1/customers/" + ann + "/balance/refills",
                dollars.adminToken(), Map.of("amount", "80.00", "note", "Zahlung für März ✓"), "ann-1"));
        accepted(customerChains, ann, console.deduct(dollars, ann, "15.50", "ann-2"));
        accepted(customerChains, ann, console.setCredits(dollars, ann, "30.00", "ann-3"));
        Api.Response first = accepted(customerChains, ann, console.refill(dollars, ann, "12.34", "ann-retried"));
        Api.Response retried = console.refill(dollars, ann, "12.34", "ann-retried");
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().path("entryId").asText()).isEqualTo(first.json().path("entryId").asText());
        refused(console.deduct(dollars, ann, "500.00", "ann-beyond"), "insufficient_balance");
        accepted(customerChains, ann, console.setCredits(dollars, ann, "10.00", "ann-4"));

        accepted(customerChains, bob, console.refill(dollars, bob, "5.00", "bob-1"));
        accepted(poolChains, dollars.id(), setPool(provider, dollars, "150.00", "dollars-up"));
        accepted(customerChains, bob, console.setCredits(dollars, bob, "60.00", "bob-2"));
        refused(console.setCredits(dollars, cid, "80.01", "cid-beyond"), "exceeds_pool_available");
        accepted(customerChains, cid, console.refill(dollars, cid, "1.00", "cid-1"));
        accepted(customerChains, cid, console.deduct(dollars, cid, "1.00", "cid-2"));
        accepted(poolChains, dollars.id(), setPool(provider, dollars, "120.00", "dollars-down"));
        refused(setPool(provider, dollars, "69.99", "dollars-below"), "total_below_allocated");
        accepted(poolChains, dollars.id(), setPool(provider, dollars, "130.00", "dollars-up-again"));

        accepted(customerChains, dee, console.refill(yen, dee, "1500", "dee-1"));
        accepted(customerChains, dee, console.setCredits(yen, dee, "20000", "dee-2"));
        accepted(customerChains, dee, console.deduct(yen, dee, "500", "dee-3"));
        accepted(customerChains, eve, console.setCredits(yen, eve, "30000", "eve-1"));
        refused(console.setCredits(yen, eve, "30001", "eve-beyond"), "exceeds_pool_available");
        accepted(customerChains, eve, console.setCredits(yen, eve, "10000", "eve-2"));
        accepted(customerChains, eve, console.refill(yen, eve, "7", "eve-3"));
        accepted(poolChains, yen.id(), setPool(provider, yen, "45000", "yen-down"));

        LedgerReplay replay = awaitReplayOfEveryEntry();

        assertThat(replay.broken()).as("every chain on the topic holds").isEmpty();
        customerChains.forEach((customer, entries) -> {
            CustomerFigures figures = replay.customers().get(customer);
            assertThat(figures.entries()).as("entries of customer %s", customer).isEqualTo(entries.size());
            assertThat(figures.lastEntryId()).isEqualTo(entries.get(entries.size() - 1));
        });
        poolChains.forEach((platform, entries) -> {
            PlatformFigures figures = replay.platforms().get(platform);
            assertThat(figures.entries()).as("entries of the pool of %s", platform).isEqualTo(entries.size());
            assertThat(figures.lastEntryId()).isEqualTo(entries.get(entries.size() - 1));
        });
        for (String customer : List.of(ann, bob, cid)) {
            assertCustomerAgrees(dollars, customer, replay);
        }
        for (String customer : List.of(dee, eve, fay)) {
            assertCustomerAgrees(yen, customer, replay);
        }
        assertPoolAgrees(dollars, replay);
        assertPoolAgrees(yen, replay);

        assertThat(replay.customers().get(ann)).extracting(CustomerFigures::currency, CustomerFigures::balance,
                CustomerFigures::credits).containsExactly("USD", 7684L, 1000L);
        assertThat(replay.customers()).doesNotContainKey(fay);
        assertThat(replay.platforms().get(dollars.id())).extracting(PlatformFigures::total,
                PlatformFigures::allocated, PlatformFigures::available).containsExactly(13000L, 7000L, 6000L);
        assertThat(replay.platforms().get(yen.id())).extracting(PlatformFigures::currency, PlatformFigures::total,
                PlatformFigures::allocated, PlatformFigures::available).containsExactly("JPY", 45000L, 30000L, 15000L);
    }

    /** Reads the topic from offset 0 again and again until the last entry of every chain written here is on it. */
    private LedgerReplay awaitReplayOfEveryEntry() {
        LedgerReplay[] replay = new LedgerReplay[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            replay[0] = LedgerTopic.replay(system.kafkaBootstrapServers(), Duration.ofSeconds(10));
            return customerChains.entrySet().stream().allMatch(chain -> replay[0].customers().containsKey(chain.getKey())
                    && last(chain.getValue()).equals(replay[0].customers().get(chain.getKey()).lastEntryId()))
                    && poolChains.entrySet().stream().allMatch(chain -> replay[0].platforms().containsKey(chain.getKey())
                    && last(chain.getValue()).equals(replay[0].platforms().get(chain.getKey()).lastEntryId()));
        });
        return replay[0];
    }

    /**
     * The customer's figures from the ledger's event store (as of now), its chain verification, and the customer
     * list (which customer-service keeps from the same topic) against the replay's.
     */
    private void assertCustomerAgrees(Platform platform, String customer, LedgerReplay replay) {
        String path = "/api/v1/customers/" + customer + "/ledger";
        JsonNode asOf = awaitOk(path + "/as-of?at=" + Instant.now(), platform.adminToken());
        String currency = asOf.path("currency").asText();
        CustomerFigures figures = replay.customers().getOrDefault(customer,
                new CustomerFigures(customer, platform.id(), currency, 0, 0, 0, null, null));
        assertThat(figures.currency()).isEqualTo(currency);
        assertThat(figures.platformId()).isEqualTo(platform.id());
        assertThat(figures.balance()).as("balance of %s: %s", customer, asOf)
                .isEqualTo(minorUnits(asOf.path("balance").asText(), currency));
        assertThat(figures.credits()).as("credits of %s: %s", customer, asOf)
                .isEqualTo(minorUnits(asOf.path("credits").asText(), currency));
        assertThat(figures.entries()).isEqualTo(asOf.path("entries").asLong());
        assertThat(figures.lastEntryId()).isEqualTo(asOf.path("lastEntryId").asText(null));

        JsonNode verification = awaitOk(path + "/verification", platform.adminToken());
        assertThat(verification.path("ok").asBoolean()).as("%s", verification).isTrue();
        assertThat(figures.entries()).isEqualTo(verification.path("entries").asLong());
        assertThat(figures.lastHash()).as("the chain's head").isEqualTo(verification.path("lastHash").asText(null));

        console.awaitCustomer(platform, customer, row -> row.hasNonNull("balance") && row.hasNonNull("credits")
                && minorUnits(row.path("balance").asText(), currency) == figures.balance()
                && minorUnits(row.path("credits").asText(), currency) == figures.credits());
    }

    private void assertPoolAgrees(Platform platform, LedgerReplay replay) {
        PlatformFigures figures = replay.platforms().get(platform.id());
        JsonNode pool = awaitOk("/api/v1/credit-pool", platform.adminToken());
        String currency = pool.path("currency").asText();
        assertThat(figures.currency()).isEqualTo(currency);
        assertThat(figures.total()).as("%s", pool).isEqualTo(minorUnits(pool.path("total").asText(), currency));
        assertThat(figures.allocated()).as("%s", pool).isEqualTo(minorUnits(pool.path("allocated").asText(), currency));
        assertThat(figures.available()).as("%s", pool).isEqualTo(minorUnits(pool.path("available").asText(), currency));

        JsonNode verification = awaitOk("/api/v1/credit-pool/verification", platform.adminToken());
        assertThat(verification.path("ok").asBoolean()).as("%s", verification).isTrue();
        assertThat(figures.entries()).isEqualTo(verification.path("entries").asLong());
        assertThat(figures.lastHash()).as("the pool chain's head").isEqualTo(verification.path("lastHash").asText(null));
    }

    /** A platform in {@code currency} with its pool set, the pool's entry kept, and its admin signed in. */
    private Platform newPlatform(String provider, String currency, String pool) {
        Api.Response platform = api.post("/api/v1/platforms", provider,
                Map.of("name", "Replay " + currency + " " + UUID.randomUUID(), "currency", currency));
        assertThat(platform.status()).as("platform: %s", platform).isEqualTo(201);
        String platformId = platform.json().path("id").asText();
        String email = Console.uniqueEmail("replay-admin");
        Api.Response admin = api.post("/api/v1/platforms/" + platformId + "/admins", provider, Map.of("email", email));
        assertThat(admin.status()).as("admin: %s", admin).isEqualTo(201);
        String password = admin.json().path("password").asText();
        Platform made = new Platform(platformId, admin.json().path("id").asText(), email, password,
                console.login(email, password, null));
        accepted(poolChains, platformId, setPool(provider, made, pool, "pool-" + platformId));
        return made;
    }

    private Api.Response setPool(String provider, Platform platform, String total, String key) {
        return console.money("PUT", "/api/v1/platforms/" + platform.id() + "/credit-pool", provider,
                Map.of("total", total), key);
    }

    /** An accepted write: its entry is the next of the chain. */
    private static Api.Response accepted(Map<String, List<String>> chains, String owner, Api.Response response) {
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.header("Idempotent-Replayed")).as("a first answer: %s", response).isEqualTo("false");
        chains.computeIfAbsent(owner, id -> new ArrayList<>()).add(response.json().path("entryId").asText());
        return response;
    }

    /** A refused write: the chain gets no entry (the writes after it show that none slipped in). */
    private static void refused(Api.Response response, String code) {
        assertThat(response.status()).as("%s", response).isEqualTo(409);
        assertThat(response.code()).as("%s", response).isEqualTo(code);
    }

    /** The answer of a read that the ledger can make once it has learned of the customer or platform. */
    private static JsonNode awaitOk(String path, String token) {
        Api.Response[] answer = new Api.Response[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            answer[0] = api.get(path, token);
            return answer[0].status() == 200;
        });
        return answer[0].json();
    }

    /** The API's decimal string in minor units of the currency: "76.84" USD is 7684, "1500" JPY is 1500. */
    private static long minorUnits(String decimal, String currency) {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return new BigDecimal(decimal).movePointRight(digits).longValueExact();
    }

    private static String last(List<String> entries) {
        return entries.get(entries.size() - 1);
    }
}
