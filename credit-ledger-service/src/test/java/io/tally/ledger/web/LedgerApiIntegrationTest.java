package io.tally.ledger.web;

import io.tally.contracts.Topics;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.ledger.support.ServiceIntegrationTest;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pools, balances and credits through the running service, with platforms and customers learnt from Kafka. */
@ServiceIntegrationTest
class LedgerApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private Api api;
    private String platformId;
    private String admin;

    @BeforeEach
    void platform() {
        api = new Api(port);
        platformId = UUID.randomUUID().toString();
        admin = TestTokens.admin(platformId);
        PublishedFacts.publish(new PlatformCreatedEvent(platformId, "P " + platformId, "USD", Instant.now()));
        awaitRow("SELECT count(*) FROM credit_pools WHERE platform_id = ?", platformId);
    }

    private String customer() {
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, customerId + "@example.com", "T",
                null, TeamType.DEFAULT, Instant.now()));
        awaitRow("SELECT count(*) FROM ledger_customers WHERE customer_id = ?", customerId);
        return customerId;
    }

    private void awaitRow(String sql, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject(sql, Integer.class, UUID.fromString(id)) == 0) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** A money write with its Idempotency-Key (null: none). */
    private Response send(String method, String path, String token, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response setPool(String total, String key) {
        return send("PUT", "/api/v1/platforms/" + platformId + "/credit-pool", TestTokens.provider(), key,
                "{\"total\":\"" + total + "\"}");
    }

    private Response credits(String customerId, String amount, String key) {
        return send("PUT", "/api/v1/customers/" + customerId + "/credits", admin, key,
                "{\"amount\":\"" + amount + "\"}");
    }

    private Response refill(String customerId, String amountJson, String key) {
        return send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, key,
                "{\"amount\":" + amountJson + ",\"note\":\"top-up\"}");
    }

    private static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }

    @Test
    void theSpecsExampleHolds() {
        String customerId = customer();
        Response pool = setPool("70.00", "pool-1");
        assertThat(pool.status()).as(pool.toString()).isEqualTo(200);
        assertThat(pool.json().get("available").asText()).isEqualTo("70.00");

        Response set = credits(customerId, "20.00", "credits-1");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("credits").asText()).isEqualTo("20.00");
        assertThat(set.json().get("poolAvailable").asText()).isEqualTo("50.00");
        Response read = api.get("/api/v1/credit-pool", admin);
        assertThat(read.json().get("total").asText()).isEqualTo("70.00");
        assertThat(read.json().get("allocated").asText()).isEqualTo("20.00");
        assertThat(read.json().get("available").asText()).isEqualTo("50.00");
        assertThat(read.json().get("currency").asText()).isEqualTo("USD");

        assertProblem(credits(customerId, "70.01", "credits-2"), 409, "exceeds_pool_available", "amount");
        assertThat(credits(customerId, "70.00", "credits-3").json().get("poolAvailable").asText()).isEqualTo("0.00");
        assertProblem(setPool("69.99", "pool-2"), 409, "total_below_allocated", "total");
        assertThat(credits(customerId, "5.00", "credits-4").json().get("poolAvailable").asText()).isEqualTo("65.00");
        assertThat(api.get("/api/v1/credit-pool", admin).json().get("allocated").asText()).isEqualTo("5.00");
    }

    @Test
    void refillsAndDeductionsNeverTakeTheBalanceBelowZero() {
        String customerId = customer();
        Response refilled = refill(customerId, "\"20.00\"", "r-1");
        assertThat(refilled.status()).as(refilled.toString()).isEqualTo(200);
        assertThat(refilled.json().get("balance").asText()).isEqualTo("20.00");
        assertThat(refilled.header("Idempotent-Replayed")).isEqualTo("false");
        Response deducted = send("POST", "/api/v1/customers/" + customerId + "/balance/deductions", admin, "d-1",
                "{\"amount\":\"7.50\"}");
        assertThat(deducted.json().get("balance").asText()).isEqualTo("12.50");
        assertProblem(send("POST", "/api/v1/customers/" + customerId + "/balance/deductions", admin, "d-2",
                "{\"amount\":\"12.51\"}"), 409, "insufficient_balance", "amount");
        assertThat(send("POST", "/api/v1/customers/" + customerId + "/balance/deductions", admin, "d-3",
                "{\"amount\":\"12.50\"}").json().get("balance").asText()).isEqualTo("0.00");
    }

    @Test
    void aRetryAnswersTheFirstResultAndAReusedKeyIsRefused() {
        String customerId = customer();
        Response first = refill(customerId, "\"20.00\"", "same-key");
        Response retry = refill(customerId, "\"20.00\"", "same-key");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("entryId").asText()).isEqualTo(first.json().get("entryId").asText());
        assertThat(retry.json().get("balance").asText()).isEqualTo("20.00");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(refill(customerId, "\"21.00\"", "same-key"), 422, "idempotency_key_reused",
                "Idempotency-Key");
        assertThat(refill(customerId, "\"1.00\"", "next-key").json().get("balance").asText()).isEqualTo("21.00");

        List<Record> records = KafkaProbe.readUntil(Topics.LEDGER_EVENTS,
                all -> all.stream().filter(r -> customerId.equals(r.key())).count() == 2);
        assertThat(records).filteredOn(r -> customerId.equals(r.key())).extracting(Record::type)
                .containsOnly("io.tally.ledger.BalanceRefilled.v1").hasSize(2);
    }

    @Test
    void badMoneyIsRefusedNamingTheFieldAndChangesNothing() {
        String customerId = customer();
        assertProblem(refill(customerId, "\"0.00\"", "k1"), 400, "amount_not_positive", "amount");
        assertProblem(refill(customerId, "\"-5.00\"", "k2"), 400, "amount_not_positive", "amount");
        assertProblem(refill(customerId, "\"5.001\"", "k3"), 400, "amount_too_precise", "amount");
        assertProblem(refill(customerId, "\"five\"", "k4"), 400, "amount_not_a_number", "amount");
        assertProblem(refill(customerId, "5.00", "k5"), 400, "amount_not_a_string", "amount");
        assertProblem(refill(customerId, "\"10000000000000.01\"", "k6"), 400, "amount_too_large", "amount");
        assertProblem(refill(customerId, "null", "k7"), 400, "amount_required", "amount");
        assertProblem(refill(customerId, "\"5.00\"", null), 400, "idempotency_key_required", "Idempotency-Key");
        assertProblem(refill(customerId, "\"5.00\"", "k".repeat(256)), 400, "idempotency_key_too_long",
                "Idempotency-Key");
        assertThat(refill(customerId, "\"5.00\"", "k".repeat(255)).status()).isEqualTo(200);
        assertProblem(send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, "k8",
                "{\"amount\":\"1.00\",\"note\":\"" + "n".repeat(501) + "\"}"), 400, "note_too_long", "note");
        assertProblem(setPool("-1.00", "p1"), 400, "amount_not_positive", "total");
        assertThat(api.get("/api/v1/credit-pool", admin).json().get("total").asText()).isEqualTo("0.00");
    }

    @Test
    void unknownCustomersOtherPlatformsAndWrongRolesAreRefused() {
        String customerId = customer();
        assertProblem(refill(UUID.randomUUID().toString(), "\"5.00\"", "x1"), 404, "customer_not_found", null);
        assertProblem(refill("not-an-id", "\"5.00\"", "x2"), 404, "customer_not_found", null);
        String otherAdmin = TestTokens.admin(UUID.randomUUID().toString());
        assertProblem(send("POST", "/api/v1/customers/" + customerId + "/balance/refills", otherAdmin, "x3",
                "{\"amount\":\"5.00\"}"), 404, "customer_not_found", null);
        assertProblem(send("PUT", "/api/v1/platforms/" + platformId + "/credit-pool", admin, "x4",
                "{\"total\":\"5.00\"}"), 403, "forbidden", null);
        assertProblem(send("POST", "/api/v1/customers/" + customerId + "/balance/refills", TestTokens.provider(),
                "x5", "{\"amount\":\"5.00\"}"), 403, "forbidden", null);
        assertProblem(send("PUT", "/api/v1/platforms/" + UUID.randomUUID() + "/credit-pool", TestTokens.provider(),
                "x6", "{\"total\":\"5.00\"}"), 404, "platform_not_found", null);
        assertProblem(api.get("/api/v1/credit-pool", null), 401, "unauthenticated", null);
    }
}
