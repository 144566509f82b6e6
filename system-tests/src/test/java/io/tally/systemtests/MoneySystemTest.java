package io.tally.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.systemtests.support.Api;
import io.tally.systemtests.support.Console;
import io.tally.systemtests.support.Console.Platform;
import io.tally.systemtests.support.SystemTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Balances, credits from the shared pool, the billing details and the audit, through the gateway. */
class MoneySystemTest extends SystemTest {

    @Test
    void refillDeductCreditsAndEveryEntryWithItsFiguresAfter() {
        Platform platform = console.newPlatform("70.00");
        String customer = console.createCustomer(platform, Console.uniqueEmail("money"), "Money Team");

        Api.Response refill = console.refill(platform, customer, "100.00", "r-1");
        assertThat(refill.status()).as("%s", refill).isEqualTo(200);
        assertThat(refill.json().path("balance").asText()).isEqualTo("100.00");
        Api.Response deduction = api.send("POST", "/api/v1/customers/" + customer + "/balance/deductions",
                platform.adminToken(), Map.of("amount", "30.00"),
                Map.of("Idempotency-Key", "d-1", "X-Correlation-Id", "console-deduction-1"));
        assertThat(deduction.status()).as("%s", deduction).isEqualTo(200);
        assertThat(deduction.json().path("balance").asText()).as("%s", deduction).isEqualTo("70.00");
        assertThat(deduction.header("X-Correlation-Id")).isEqualTo("console-deduction-1");
        Api.Response beyond = console.deduct(platform, customer, "70.01", "d-2");
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.code()).isEqualTo("insufficient_balance");

        Api.Response credits = console.setCredits(platform, customer, "20.00", "c-1");
        assertThat(credits.status()).as("%s", credits).isEqualTo(200);
        assertThat(credits.json().path("credits").asText()).isEqualTo("20.00");
        assertPool(platform, "70.00", "20.00", "50.00");
        Api.Response tooMuch = console.setCredits(platform, customer, "70.01", "c-2");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("exceeds_pool_available");
        assertPool(platform, "70.00", "20.00", "50.00");
        assertThat(console.setCredits(platform, customer, "5.00", "c-3").status()).isEqualTo(200);
        assertPool(platform, "70.00", "5.00", "65.00");

        Api.Response zero = console.refill(platform, customer, "0.00", "r-zero");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.code()).as("%s", zero).isEqualTo("amount_not_positive");
        assertThat(zero.json().path("errors").path(0).path("field").asText()).isEqualTo("amount");

        List<JsonNode> entries = awaitBillingDetails(platform, customer, 4);
        assertThat(entries).extracting(entry -> entry.path("type").asText())
                .containsExactly("CREDITS", "CREDITS", "DEDUCTION", "REFILL");
        assertThat(entries).extracting(entry -> entry.path("balanceAfter").asText())
                .containsExactly("70.00", "70.00", "70.00", "100.00");
        assertThat(entries).extracting(entry -> entry.path("creditsAfter").asText())
                .containsExactly("5.00", "20.00", "0.00", "0.00");
        assertThat(entries.get(2).path("correlationId").asText()).isEqualTo("console-deduction-1");
        assertThat(entries.get(3).path("actor").asText()).isEqualTo(platform.adminId());
        Api.Response deductions = api.get("/api/v1/customers/" + customer + "/billing-details/export?type=DEDUCTION",
                platform.adminToken());
        assertThat(deductions.status()).as("%s", deductions).isEqualTo(200);
        assertThat(deductions.header("Content-Type")).startsWith("text/csv");
        assertThat(deductions.body().lines()).as("the header and the one deduction").hasSize(2);
        assertThat(deductions.body().lines().skip(1).findFirst().orElseThrow()).contains("DEDUCTION", "30.00");

        JsonNode row = console.awaitCustomer(platform, customer,
                r -> "70.00".equals(r.path("balance").asText()) && "5.00".equals(r.path("credits").asText()));
        assertThat(row.path("currency").asText()).isEqualTo("USD");

        Instant now = Instant.now();
        Api.Response asOf = api.get("/api/v1/customers/" + customer + "/ledger/as-of?at=" + now, platform.adminToken());
        assertThat(asOf.status()).isEqualTo(200);
        assertThat(asOf.json().path("balance").asText()).isEqualTo("70.00");
        assertThat(asOf.json().path("credits").asText()).isEqualTo("5.00");
        Api.Response verification = api.get("/api/v1/customers/" + customer + "/ledger/verification", platform.adminToken());
        assertThat(verification.json().path("ok").asBoolean()).as("%s", verification).isTrue();
        assertThat(verification.json().path("entries").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/credit-pool/verification", platform.adminToken()).json().path("ok").asBoolean()).isTrue();
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResultAndChangesNothing() {
        Platform platform = console.newPlatform("70.00");
        String customer = console.createCustomer(platform, Console.uniqueEmail("retry"), "Retry Team");

        Api.Response first = console.refill(platform, customer, "12.34", "same-key");
        Api.Response again = console.refill(platform, customer, "12.34", "same-key");
        Api.Response otherBody = console.refill(platform, customer, "99.00", "same-key");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("entryId").asText()).isEqualTo(first.json().path("entryId").asText());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.code()).as("%s", otherBody).isEqualTo("idempotency_key_reused");
        // The event store, read at once: one entry. The projections below then cannot show a second.
        Api.Response verification = api.get("/api/v1/customers/" + customer + "/ledger/verification", platform.adminToken());
        assertThat(verification.json().path("entries").asInt()).as("%s", verification).isEqualTo(1);
        assertThat(awaitBillingDetails(platform, customer, 1)).hasSize(1);
        console.awaitCustomer(platform, customer, row -> "12.34".equals(row.path("balance").asText()));
    }

    @Test
    void thePoolLawHoldsAfter200ParallelCreditChangesWithRetries() throws Exception {
        Platform platform = console.newPlatform("50.00");
        List<String> customers = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            customers.add(console.createCustomer(platform, Console.uniqueEmail("law" + index), "Law " + index));
        }
        customers.forEach(customer -> assertThat(console.setCredits(platform, customer, "0.00", "warm-" + customer)
                .status()).isEqualTo(200));

        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (int change = 0; change < 200; change++) {
            String customer = customers.get(change % customers.size());
            String amount = BigDecimal.valueOf(ThreadLocalRandom.current().nextInt(0, 801), 2).toPlainString();
            String key = "law-" + change;
            answers.add(clients.submit(() -> {
                Api.Response response = console.setCredits(platform, customer, amount, key);
                if (retryOnce(response)) {
                    return console.setCredits(platform, customer, amount, key);
                }
                return response;
            }));
        }
        int accepted = 0;
        for (Future<Api.Response> answer : answers) {
            Api.Response response = answer.get();
            assertThat(response.status()).as("%s", response).isIn(200, 409);
            if (response.status() == 409) {
                assertThat(response.code()).as("%s", response).isEqualTo("exceeds_pool_available");
            }
            accepted += response.status() == 200 ? 1 : 0;
        }
        clients.shutdown();
        assertThat(accepted).isGreaterThan(0);

        BigDecimal sum = BigDecimal.ZERO;
        for (String customer : customers) {
            Api.Response answer = api.get("/api/v1/customers/" + customer + "/ledger/as-of?at=" + Instant.now(),
                    platform.adminToken());
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            JsonNode asOf = answer.json();
            BigDecimal credits = new BigDecimal(asOf.path("credits").asText());
            assertThat(credits).isNotNegative();
            sum = sum.add(credits);
            String expected = credits.toPlainString();
            console.awaitCustomer(platform, customer, row -> expected.equals(row.path("credits").asText()));
        }
        JsonNode pool = api.get("/api/v1/credit-pool", platform.adminToken()).json();
        assertThat(new BigDecimal(pool.path("allocated").asText())).isEqualByComparingTo(sum);
        assertThat(new BigDecimal(pool.path("available").asText())).isNotNegative()
                .isEqualByComparingTo(new BigDecimal("50.00").subtract(sum));
    }

    /** Half the accepted changes are sent again with their key, as after a lost answer: the retry must change nothing. */
    private static boolean retryOnce(Api.Response response) {
        return response.status() == 200 && ThreadLocalRandom.current().nextBoolean();
    }

    private void assertPool(Platform platform, String total, String allocated, String available) {
        JsonNode pool = api.get("/api/v1/credit-pool", platform.adminToken()).json();
        assertThat(pool.path("total").asText()).isEqualTo(total);
        assertThat(pool.path("allocated").asText()).isEqualTo(allocated);
        assertThat(pool.path("available").asText()).isEqualTo(available);
    }

    static JsonNode[] awaitEntries(Api api, Platform platform, String customer, int count) {
        List<JsonNode> entries = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            entries.clear();
            String cursor = null;
            do {
                Api.Response page = api.get("/api/v1/customers/" + customer + "/billing-details?limit=200"
                        + (cursor == null ? "" : "&cursor=" + cursor), platform.adminToken());
                if (page.status() != 200) {
                    return false;
                }
                page.json().path("items").forEach(entries::add);
                cursor = page.json().path("nextCursor").asText(null);
            } while (cursor != null);
            return entries.size() >= count;
        });
        return entries.toArray(JsonNode[]::new);
    }

    private List<JsonNode> awaitBillingDetails(Platform platform, String customer, int count) {
        return List.of(awaitEntries(api, platform, customer, count));
    }
}
