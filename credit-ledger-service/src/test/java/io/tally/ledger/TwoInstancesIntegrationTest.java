package io.tally.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.ledger.config.FreshAggregateCache;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.service.web.Dispatcher;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database and one broker, as a deployment with two pods runs it. Each caches
 * the aggregates it wrote, so each meets streams the other has grown since: it sees so before it decides (a write
 * taking turns between them reloads the aggregate, and no append is refused), and a write taking turns between them, and
 * writes on both at once to one customer and to one platform's pool, are all applied exactly once, none answered
 * 5xx, and every figure and both hash chains hold afterwards.
 */
class TwoInstancesIntegrationTest extends LedgerApiTest {

    private static SecondInstance second;

    @Autowired
    private MeterRegistry meters;
    private static String secondUrl;

    @BeforeEach
    void secondInstance() {
        if (second == null) {
            second = SecondInstance.start(CreditLedgerServiceApplication.class);
            secondUrl = second.url();
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void refillsTakingTurnsBetweenTheInstancesAreEachAppliedOnce() {
        String customerId = customer();
        List<String> instances = List.of(api.baseUrl(), secondUrl);
        double resentBefore = resent();
        double staleBefore = stale();
        for (int i = 0; i < 12; i++) {
            Response answer = refillAt(instances.get(i % 2), customerId, "turn-" + i);
            assertThat(answer.status()).as("refill %d: %s", i, answer).isEqualTo(200);
            assertThat(answer.json().get("balance").asText()).isEqualTo((i + 1) + ".00");
        }
        Response retry = refillAt(secondUrl, customerId, "turn-0");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("balance").asText()).isEqualTo("1.00");
        assertChainOf("/api/v1/customers/" + customerId + "/ledger/verification", 12);
        assertThat(stale() - staleBefore).as("each instance found its cached customer behind the stream the other"
                + " grew, and loaded it from the store").isGreaterThanOrEqualTo(10);
        assertThat(resent() - resentBefore).as("so no append was refused and sent again (each would burn an index of"
                + " the event store and leave a gap in every processor's token)").isZero();
    }

    /** Cached aggregates both instances found behind their streams so far. */
    private double stale() {
        return meters.counter(FreshAggregateCache.STALE).count()
                + second.bean(MeterRegistry.class).counter(FreshAggregateCache.STALE).count();
    }

    /** Commands sent again by both instances so far. */
    private double resent() {
        return meters.counter(Dispatcher.RESENT).count()
                + second.bean(MeterRegistry.class).counter(Dispatcher.RESENT).count();
    }

    @Test
    void writesOnBothInstancesAtOnceToOneCustomerAndOnePoolAreAllApplied() throws Exception {
        assertThat(setPool("1000.00", "pool-" + UUID.randomUUID()).status()).isEqualTo(200);
        String hot = customer();
        List<String> others = List.of(customer(), customer(), customer(), customer());
        Map<String, String> lastCredits = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<List<Response>>> done = new ArrayList<>();
        try {
            for (int client = 0; client < 4; client++) {
                String instance = client % 2 == 0 ? api.baseUrl() : secondUrl;
                int me = client;
                done.add(clients.submit(() -> {
                    List<Response> answers = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        String key = "hot-" + me + "-" + i;
                        answers.add(sentAgainOnConflict(() -> refillAt(instance, hot, key)));
                    }
                    return answers;
                }));
                String customerId = others.get(client);
                String otherInstance = client % 2 == 0 ? secondUrl : api.baseUrl();
                done.add(clients.submit(() -> {
                    List<Response> answers = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        String amount = (i % 2 == 0 ? 5 : 7) + "." + me + "0";
                        String target = i % 2 == 0 ? instance : otherInstance;
                        String key = "credits-" + me + "-" + i;
                        Response answer = sentAgainOnConflict(() -> sendTo(target, "PUT",
                                "/api/v1/customers/" + customerId + "/credits", admin, key,
                                "{\"amount\":\"" + amount + "\"}"));
                        if (answer.status() == 200) {
                            lastCredits.put(customerId, amount);
                        }
                        answers.add(answer);
                    }
                    return answers;
                }));
            }
            for (Future<List<Response>> client : done) {
                assertThat(client.get()).allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(api.get("/api/v1/customers/" + hot + "/ledger/as-of?at=" + Instant.now(), admin)
                .json().get("balance").asText()).isEqualTo("60.00");
        assertChainOf("/api/v1/customers/" + hot + "/ledger/verification", 60);
        assertThat(lastCredits).hasSize(4);
        BigDecimal sum = lastCredits.values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode pool = api.get("/api/v1/credit-pool", admin).json();
        assertThat(new BigDecimal(pool.get("allocated").asText())).as(pool.toString()).isEqualByComparingTo(sum);
        assertThat(new BigDecimal(pool.get("available").asText()))
                .isEqualByComparingTo(new BigDecimal("1000").subtract(sum));
        assertChainOf("/api/v1/credit-pool/verification", -1);
    }

    /**
     * As a client does: a write refused as a concurrent change (the five resends outrun by writers on both instances)
     * is sent again with the same Idempotency-Key, nothing having been applied.
     */
    private static Response sentAgainOnConflict(Supplier<Response> send) {
        Response answer = send.get();
        for (int attempt = 0; attempt < 10 && answer.status() == 409
                && "concurrent_change".equals(answer.json().path("code").asText()); attempt++) {
            answer = send.get();
        }
        return answer;
    }

    private Response refillAt(String instance, String customerId, String key) {
        return sendTo(instance, "POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, key,
                "{\"amount\":\"1.00\"}");
    }

    /** The chain verifies, with this many entries (-1: any number). */
    private void assertChainOf(String path, long entries) {
        JsonNode verification = api.get(path, admin).json();
        assertThat(verification.get("ok").asBoolean()).as(verification.toString()).isTrue();
        if (entries >= 0) {
            assertThat(verification.get("entries").asLong()).isEqualTo(entries);
        }
    }
}
