package io.tally.ledger.support;

import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of the running service through its API: each test gets a platform of its own (in USD,
 * learnt from auth-service's PlatformCreated on Kafka) and its admin's token; customers are made
 * known the same way, from customer-service's CustomerCreated.
 */
@ServiceIntegrationTest
public abstract class LedgerApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    protected Api api;
    protected String platformId;
    protected String admin;

    @BeforeEach
    void platform() {
        api = new Api(port);
        platformId = UUID.randomUUID().toString();
        admin = TestTokens.admin(platformId);
        PublishedFacts.publish(new PlatformCreatedEvent(platformId, "P " + platformId, "USD", Instant.now()));
        awaitRow("SELECT count(*) FROM credit_pools WHERE platform_id = ?", platformId);
    }

    protected String customer() {
        String customerId = UUID.randomUUID().toString();
        PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, customerId + "@example.com", "T",
                null, TeamType.DEFAULT, Instant.now()));
        awaitRow("SELECT count(*) FROM ledger_customers WHERE customer_id = ?", customerId);
        return customerId;
    }

    protected void awaitRow(String sql, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject(sql, Integer.class, UUID.fromString(id)) == 0) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** A money write with its Idempotency-Key (null: none). */
    protected Response send(String method, String path, String token, String key, String body) {
        return sendTo(api.baseUrl(), method, path, token, key, body);
    }

    /** A money write with its Idempotency-Key (null: none) to the instance at {@code baseUrl}. */
    protected Response sendTo(String baseUrl, String method, String path, String token, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
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

    protected Response setPool(String total, String key) {
        return send("PUT", "/api/v1/platforms/" + platformId + "/credit-pool", TestTokens.provider(), key,
                "{\"total\":\"" + total + "\"}");
    }

    protected Response credits(String customerId, String amount, String key) {
        return send("PUT", "/api/v1/customers/" + customerId + "/credits", admin, key,
                "{\"amount\":\"" + amount + "\"}");
    }

    protected Response refill(String customerId, String amountJson, String key) {
        return send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, key,
                "{\"amount\":" + amountJson + ",\"note\":\"top-up\"}");
    }

    protected Response deduct(String customerId, String amount, String key) {
        return send("POST", "/api/v1/customers/" + customerId + "/balance/deductions", admin, key,
                "{\"amount\":\"" + amount + "\"}");
    }

    protected static void assertProblem(Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).as(response.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
    }
}
