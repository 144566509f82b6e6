package io.tally.ledger.credits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.ledger.balance.CustomerLedger;
import io.tally.ledger.money.Money;
import io.tally.ledger.support.ServiceIntegrationTest;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestTokens;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's conservation law under load: 240 credit changes (every fifth sent twice at once
 * with the same Idempotency-Key, as a client retrying a lost answer would) for 20 customers
 * against a pool too small for all of them, from 16 clients at once. Afterwards the pool's
 * total equals its available credits plus the customers' credits, nothing is negative, and
 * each key made at most one entry.
 */
@ServiceIntegrationTest
class PoolConservationIntegrationTest {

    private static final int CUSTOMERS = 20;
    private static final int CHANGES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Repository<CustomerLedger> customerLedgers;

    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, String entryId, long credits, String key, String customerId) {
    }

    private Answer setCredits(String admin, String customerId, String amount, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/"
                        + customerId + "/credits"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .header("Idempotency-Key", key)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"amount\":\"" + amount + "\"}")).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 && attempt < 5) {
                continue; // a client retries a failed attempt with the same key
            }
            JsonNode body = JSON.readTree(response.body());
            return response.statusCode() == 200
                    ? new Answer(200, body.get("entryId").asText(),
                    Money.parse("credits", body.get("credits").asText(), "USD"), key, customerId)
                    : new Answer(response.statusCode(), null, -1, key, customerId);
        }
    }

    private void awaitCount(String sql, String platformId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jdbc.queryForObject(sql, Integer.class, UUID.fromString(platformId)) != expected) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void theLawHoldsAfterManyConcurrentCreditChanges() throws Exception {
        String platformId = UUID.randomUUID().toString();
        PublishedFacts.publish(new PlatformCreatedEvent(platformId, "Busy", "USD", Instant.now()));
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String customerId = UUID.randomUUID().toString();
            customers.add(customerId);
            PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, "c" + i + "@example.com", "T",
                    null, TeamType.DEFAULT, Instant.now()));
        }
        awaitCount("SELECT count(*) FROM ledger_customers WHERE platform_id = ?", platformId, CUSTOMERS);
        awaitCount("SELECT count(*) FROM credit_pools WHERE platform_id = ?", platformId, 1);
        HttpResponse<String> pool = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/platforms/" + platformId + "/credit-pool"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TestTokens.provider())
                .header("Idempotency-Key", "pool").PUT(HttpRequest.BodyPublishers.ofString("{\"total\":\"100.00\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pool.statusCode()).as(pool.body()).isEqualTo(200);

        String admin = TestTokens.admin(platformId);
        Random random = new Random(42);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Answer>> answers = new ArrayList<>();
        Map<String, List<Future<Answer>>> duplicated = new ConcurrentHashMap<>();
        for (int i = 0; i < CHANGES; i++) {
            String customerId = customers.get(random.nextInt(CUSTOMERS));
            String amount = (random.nextInt(1500)) / 100 + "." + String.format("%02d", random.nextInt(100));
            String key = "change-" + i;
            int copies = i % 5 == 0 ? 2 : 1;
            for (int copy = 0; copy < copies; copy++) {
                Future<Answer> answer = clients.submit(() -> setCredits(admin, customerId, amount, key));
                answers.add(answer);
                if (copies == 2) {
                    duplicated.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
                }
            }
        }
        clients.shutdown();
        List<Answer> done = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            done.add(answer.get());
        }

        assertThat(done).extracting(Answer::status).containsOnly(200, 409);
        assertThat(done).filteredOn(a -> a.status() == 200).hasSizeGreaterThan(CHANGES / 4);
        assertThat(done).filteredOn(a -> a.status() == 409).isNotEmpty();
        // A refusal changes nothing and is not remembered, so a copy may still succeed after it;
        // two successes of one key are one entry, answered twice.
        int bothAccepted = 0;
        for (List<Future<Answer>> pair : duplicated.values()) {
            if (pair.get(0).get().status() == 200 && pair.get(1).get().status() == 200) {
                assertThat(pair.get(0).get().entryId()).isEqualTo(pair.get(1).get().entryId());
                bothAccepted++;
            }
        }
        assertThat(bothAccepted).isPositive();

        long sumOfCredits = 0;
        for (String customerId : customers) {
            long credits = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                    customerLedgers.load(customerId).invoke(CustomerLedger::credits)).getPayload();
            assertThat(credits).isNotNegative();
            sumOfCredits += credits;
        }
        Map<String, Object> figures = jdbc.queryForMap("SELECT total, allocated FROM credit_pools WHERE platform_id = ?",
                UUID.fromString(platformId));
        long total = (Long) figures.get("total");
        long allocated = (Long) figures.get("allocated");
        assertThat(total).isEqualTo(10_000);
        assertThat(allocated).isEqualTo(sumOfCredits).isLessThanOrEqualTo(total);
        assertThat(total - allocated).isNotNegative();
        assertThat(jdbc.queryForObject("""
                        SELECT count(*) FROM domainevententry WHERE payloadtype = 'io.tally.ledger.CustomerCreditsSet.v1'""",
                Integer.class)).isEqualTo((int) done.stream().filter(a -> a.status() == 200)
                .map(Answer::key).distinct().count());
    }
}
