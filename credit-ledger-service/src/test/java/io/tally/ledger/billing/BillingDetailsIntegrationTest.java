package io.tally.ledger.billing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.MovableClock;
import io.tally.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The billing details: every entry with the figures after it, filtered, paged, exported, rebuilt. */
class BillingDetailsIntegrationTest extends LedgerApiTest {

    @Autowired
    MovableClock clock;
    @Autowired
    EventProcessingConfiguration processing;

    private String details(String customerId) {
        return "/api/v1/customers/" + customerId + "/billing-details";
    }

    /** The page once it holds {@code count} entries (the projection follows the event store). */
    private JsonNode awaitEntries(String path, String token, int count) {
        return api.await(path, token, r -> r.status() == 200 && r.json().get("items").size() == count).json();
    }

    private static List<String> column(JsonNode page, String field) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.hasNonNull(field) ? item.get(field).asText() : null).toList();
    }

    @Test
    void everyEntryNewestFirstWithTheFiguresAfterItWhoMadeItAndTheNote() {
        String customerId = customer();
        setPool("100.00", "pool");
        refill(customerId, "\"20.00\"", "e1");
        clock.advance(Duration.ofMinutes(1));
        deduct(customerId, "5.00", "e2");
        clock.advance(Duration.ofMinutes(1));
        credits(customerId, "10.00", "e3");
        clock.advance(Duration.ofMinutes(1));
        credits(customerId, "4.00", "e4");

        JsonNode page = awaitEntries(details(customerId), admin, 4);
        assertThat(column(page, "type")).containsExactly("CREDITS", "CREDITS", "DEDUCTION", "REFILL");
        assertThat(column(page, "amount")).containsExactly("-6.00", "10.00", "-5.00", "20.00");
        assertThat(column(page, "balanceAfter")).containsExactly("15.00", "15.00", "15.00", "20.00");
        assertThat(column(page, "creditsAfter")).containsExactly("4.00", "10.00", "0.00", "0.00");
        assertThat(column(page, "note")).containsExactly(null, null, null, "top-up");
        assertThat(column(page, "currency")).containsOnly("USD");
        assertThat(column(page, "actor")).containsOnly("admin-" + platformId.substring(0, 8) + "@example.com");
        assertThat(column(page, "correlationId")).doesNotContainNull();
        List<Instant> times = column(page, "occurredAt").stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(Duration.between(times.get(3), times.get(0))).isBetween(Duration.ofMinutes(3),
                Duration.ofMinutes(3).plusSeconds(10));
        assertThat(page.has("nextCursor")).isFalse();
        // The instant is the event's own, to the microsecond, wherever it is shown.
        JsonNode asOf = api.get("/api/v1/customers/" + customerId + "/ledger/as-of?at=" + clock.instant(), admin)
                .json();
        assertThat(asOf.get("lastEntryAt").asText()).isEqualTo(page.get("items").get(0).get("occurredAt").asText());
    }

    @Test
    void filtersByTimeRangeAndTypeAndPagesThroughEveryEntryOnce() {
        String customerId = customer();
        Instant start = clock.instant();
        for (int i = 1; i <= 5; i++) {
            refill(customerId, "\"" + i + ".00\"", "r" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        deduct(customerId, "1.00", "d1");
        clock.advance(Duration.ofMinutes(1));
        deduct(customerId, "2.00", "d2");
        awaitEntries(details(customerId), admin, 7);

        JsonNode deductions = api.get(details(customerId) + "?type=DEDUCTION", admin).json();
        assertThat(column(deductions, "amount")).containsExactly("-2.00", "-1.00");
        JsonNode both = api.get(details(customerId) + "?type=refill,DEDUCTION", admin).json();
        assertThat(both.get("items").size()).isEqualTo(7);
        JsonNode window = api.get(details(customerId) + "?from=" + start.plus(Duration.ofMinutes(1)) + "&to="
                + start.plus(Duration.ofMinutes(3)), admin).json();
        assertThat(column(window, "amount")).containsExactly("3.00", "2.00");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(details(customerId) + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    admin).json();
            seen.addAll(column(page, "amount"));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("-2.00", "-1.00", "5.00", "4.00", "3.00", "2.00", "1.00");
    }

    @Test
    void theExportHasEveryEntryAsCsvWithFormulasDefused() {
        String customerId = customer();
        send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, "x1",
                "{\"amount\":\"3.00\",\"note\":\"=HYPERLINK(\\\"x\\\")\"}");
        send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, "x2",
                "{\"amount\":\"4.00\",\"note\":\"a, b\"}");
        deduct(customerId, "1.50", "x3");
        awaitEntries(details(customerId), admin, 3);

        Response csv = api.get(details(customerId) + "/export", admin);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("billing-details-" + customerId + ".csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo(BillingDetailsController.CSV_HEADER.strip());
        assertThat(lines[1]).contains(",DEDUCTION,-1.50,USD,5.50,0.00,");
        assertThat(lines[2]).contains(",REFILL,4.00,USD,7.00,0.00,").contains(",\"a, b\",");
        assertThat(lines[3]).contains(",REFILL,3.00,USD,3.00,0.00,").contains(",\"'=HYPERLINK(\"\"x\"\")\",");
        assertThat(api.get(details(customerId) + "/export?type=DEDUCTION", admin).body().split("\r\n")).hasSize(2);
    }

    @Test
    void aCustomerSeesTheirOwnEntriesWithoutTheOperatorsAndNobodyElseSeesThem() {
        String customerId = customer();
        refill(customerId, "\"9.00\"", "m1");
        awaitEntries(details(customerId), admin, 1);
        String customerToken = TestTokens.customer(customerId, platformId);

        JsonNode mine = api.get("/api/v1/me/billing-details", customerToken).json();
        assertThat(column(mine, "amount")).containsExactly("9.00");
        assertThat(mine.get("items").get(0).has("actor")).isFalse();
        assertThat(mine.get("items").get(0).has("correlationId")).isFalse();
        assertThat(api.get("/api/v1/me/billing-details/export", customerToken).body()).contains(",REFILL,9.00,");

        String otherCustomer = customer();
        assertThat(api.get("/api/v1/me/billing-details", TestTokens.customer(otherCustomer, platformId)).json()
                .get("items").size()).isZero();
        assertProblem(api.get("/api/v1/me/billing-details", TestTokens.customer(customerId,
                UUID.randomUUID().toString())), 404, "customer_not_found", null);
        assertProblem(api.get(details(customerId), TestTokens.admin(UUID.randomUUID().toString())), 404,
                "customer_not_found", null);
        assertProblem(api.get(details(customerId), customerToken), 403, "forbidden", null);
        assertProblem(api.get("/api/v1/me/billing-details", admin), 403, "forbidden", null);
        assertProblem(api.get(details(customerId), null), 401, "unauthenticated", null);
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndTheRule() {
        String customerId = customer();
        assertProblem(api.get(details(customerId) + "?limit=0", admin), 400, "range", "limit");
        assertProblem(api.get(details(customerId) + "?limit=201", admin), 400, "range", "limit");
        assertProblem(api.get(details(customerId) + "?limit=ten", admin), 400, "range", "limit");
        assertProblem(api.get(details(customerId) + "?cursor=bm9wZQ", admin), 400, "cursor_invalid", "cursor");
        assertProblem(api.get(details(customerId) + "?type=GIFT", admin), 400, "one_of", "type");
        assertProblem(api.get(details(customerId) + "?from=yesterday", admin), 400, "instant", "from");
        assertProblem(api.get(details(customerId) + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", admin),
                400, "after_from", "to");
        assertProblem(api.get(details(customerId) + "?sort=amount", admin), 400, "unknown_parameter", "sort");
        assertProblem(api.get(details(customerId) + "/export?limit=5", admin), 400, "unknown_parameter", "limit");
    }

    @Test
    void theRebuiltBillingDetailsEqualTheLiveOnes() throws Exception {
        setPool("50.00", "rebuild-pool");
        for (int c = 0; c < 4; c++) {
            String customerId = customer();
            refill(customerId, "\"" + (10 + c) + ".00\"", "rb" + c);
            credits(customerId, c + ".50", "rc" + c);
            deduct(customerId, "1.00", "rd" + c);
        }
        awaitCaughtUp();
        List<Map<String, Object>> live = rows();
        assertThat(live).hasSizeGreaterThanOrEqualTo(12);

        StreamingEventProcessor projection = processing.eventProcessor(BillingDetailsProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_entries", Long.class)).isZero();
        projection.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!rows().equals(live) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rows()).isEqualTo(live);
    }

    private void awaitCaughtUp() throws InterruptedException {
        StreamingEventProcessor projection = processing.eventProcessor(BillingDetailsProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE "
                + "'io.tally.ledger.Balance%' OR payloadtype LIKE 'io.tally.ledger.CustomerCreditsSet%'", Long.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && (jdbc.queryForObject("SELECT count(*) FROM billing_entries",
                Long.class) < stored || projection.processingStatus().values().stream()
                .anyMatch(status -> !status.isCaughtUp()))) {
            Thread.sleep(50);
        }
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM billing_entries ORDER BY customer_id, sequence");
    }
}
