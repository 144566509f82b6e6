package io.tally.customer.list;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.PublishedFacts;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's balance and credits follow credit-ledger-service's facts from the real broker,
 * whatever their order of arrival, and survive a rebuild of the list.
 */
class LedgerFiguresIntegrationTest extends ServiceApiTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    CustomerListProjection customerList;
    @Autowired
    LedgerFiguresProjection ledgerFigures;

    @Test
    void theListShowsTheLedgersLatestFiguresWithTheCurrencysDecimals() {
        String id = create("figures@example.com");
        PublishedFacts.publish(refill(id, "EUR", 2000, 0, T0));
        PublishedFacts.publish(creditsSet(id, "EUR", 2000, 550, T0.plusSeconds(1)));

        JsonNode row = api.await(path(id), admin, r -> "5.50".equals(r.json().path("credits").asText())).json();
        assertThat(row.get("credits").asText()).isEqualTo("5.50");
        assertThat(row.get("balance").asText()).isEqualTo("20.00");
        assertThat(row.get("currency").asText()).isEqualTo("EUR");
        assertThat(api.get("/api/v1/customers?minBalance=19.99&maxBalance=20", admin).json().get("items"))
                .singleElement().satisfies(item -> assertThat(item.get("id").asText()).isEqualTo(id));
        assertThat(api.get("/api/v1/customers?minBalance=20.01", admin).json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/customers/export", admin).body()).contains("," + id + ",20.00,5.50,EUR,");

        String dinars = create("dinars@example.com");
        PublishedFacts.publish(deduction(dinars, "BHD", 12345, 0, T0));
        assertThat(api.await(path(dinars), admin, r -> "BHD".equals(r.json().path("currency").asText()))
                .json().get("balance").asText()).as("three decimals in Bahraini dinars").isEqualTo("12.345");
    }

    @Test
    void anOlderFactDeliveredAfterANewerOneDoesNotMoveTheFiguresBack() {
        String id = create("order@example.com");
        String marker = create("marker@example.com");
        api.await(path(marker), admin, r -> r.status() == 200);
        PublishedFacts.publish(refill(id, "USD", 3000, 0, T0.plusSeconds(2)));
        PublishedFacts.publish(deduction(id, "USD", 1000, 0, T0.plusSeconds(1)));
        // Another customer's fact sent under this customer's key follows the late fact on its
        // partition: once it shows, the late fact has been handled.
        publishUnderKey(id, refill(marker, "USD", 100, 0, T0));

        assertThat(api.await(path(marker), admin, r -> "1.00".equals(r.json().path("balance").asText()))
                .json().get("balance").asText()).isEqualTo("1.00");
        assertThat(api.get(path(id), admin).json().get("balance").asText()).isEqualTo("30.00");

        PublishedFacts.publish(deduction(id, "USD", 1000, 0, T0.plusSeconds(3)));
        assertThat(api.await(path(id), admin, r -> "10.00".equals(r.json().path("balance").asText()))
                .json().get("balance").asText()).as("a newer fact still applies").isEqualTo("10.00");
    }

    @Test
    void aFactThatArrivesBeforeTheCustomersRowIsShownWhenTheRowIsInserted() throws InterruptedException {
        StreamingEventProcessor list = processor(CustomerListProjection.PROCESSING_GROUP);
        list.shutDown();
        String id;
        try {
            id = create("early@example.com");
            PublishedFacts.publish(refill(id, "USD", 4200, 0, T0));
            awaitFigures(id, "4200 0 USD 2");
            assertThat(api.get(path(id), admin).status()).as("the list has not inserted the customer yet")
                    .isEqualTo(404);
        } finally {
            list.start();
        }
        JsonNode row = api.await(path(id), admin, r -> r.status() == 200).json();
        assertThat(row.get("balance").asText()).isEqualTo("42.00");
    }

    @Test
    void theFiguresSurviveARebuildOfTheCustomerList() {
        String id = create("rebuild@example.com");
        PublishedFacts.publish(creditsSet(id, "USD", 700, 250, T0));
        api.await(path(id), admin, r -> "2.50".equals(r.json().path("credits").asText()));

        StreamingEventProcessor list = processor(CustomerListProjection.PROCESSING_GROUP);
        list.shutDown();
        list.resetTokens();
        assertThat(api.get(path(id), admin).status()).isEqualTo(404);
        list.start();

        JsonNode row = api.await(path(id), admin, r -> r.status() == 200).json();
        assertThat(row.get("balance").asText()).isEqualTo("7.00");
        assertThat(row.get("credits").asText()).isEqualTo("2.50");
    }

    /**
     * The customer-list and ledger-figures processors write one customer at the same moment: the
     * first holds its transaction open until the second has finished or waits for a lock.
     */
    @ParameterizedTest(name = "figures before: {0}; first to write: {1}")
    @CsvSource({"none, ledger", "none, list", "older, ledger", "older, list"})
    void aListInsertAndALedgerFactInFlightTogetherBothTakeEffect(String before, String first) throws Exception {
        String id = UUID.randomUUID().toString();
        if (before.equals("older")) {
            ledgerFigures.on(refill(id, "EUR", 100, 0, T0));
        }
        Runnable fact = () -> ledgerFigures.on(creditsSet(id, "EUR", 2500, 900, T0.plusSeconds(1)));
        Runnable insert = () -> customerList.on(new CustomerCreatedEvent(id, platform, "race-" + id + "@example.com",
                "Race", null, TeamType.DEFAULT, T0));
        if (first.equals("ledger")) {
            interleave(fact, insert);
        } else {
            interleave(insert, fact);
        }
        assertThat(jdbc.queryForObject("""
                        SELECT concat_ws(' ', balance_minor, credits_minor, currency, currency_digits)
                          FROM customer_list WHERE customer_id = ?::uuid""", String.class, id))
                .isEqualTo("2500 900 EUR 2");
    }

    private void interleave(Runnable first, Runnable second) throws Exception {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = threads.submit(() -> transaction.executeWithoutResult(status -> {
                first.run();
                firstWrote.countDown();
                awaitLatch(commitFirst);
            }));
            assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> two = threads.submit(() -> transaction.executeWithoutResult(status -> second.run()));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!two.isDone() && !waitingForALock() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            commitFirst.countDown();
            one.get(10, TimeUnit.SECONDS);
            two.get(10, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    private boolean waitingForALock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT count(*) > 0 FROM pg_stat_activity
                 WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                   AND query LIKE '%customer_figures%'""", Boolean.class));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitFigures(String customerId, String expected) throws InterruptedException {
        String sql = """
                SELECT concat_ws(' ', balance_minor, credits_minor, currency, currency_digits)
                  FROM customer_figures WHERE customer_id = ?::uuid""";
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> figures = jdbc.queryForList(sql, String.class, customerId);
        while (!figures.equals(List.of(expected)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            figures = jdbc.queryForList(sql, String.class, customerId);
        }
        assertThat(figures).containsExactly(expected);
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
    }

    private String create(String email) {
        Response created = api.post("/api/v1/customers", admin, "{\"email\":\"" + email + "\",\"teamName\":\"Ledger\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String path(String customerId) {
        return "/api/v1/customers/" + customerId;
    }

    private void publishUnderKey(String key, BalanceRefilledEvent event) {
        try {
            KafkaProbe.publish(Topics.LEDGER_EVENTS, key, EventCatalog.typeOf(event.getClass()),
                    objectMapper.writeValueAsString(event), Map.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BalanceRefilledEvent refill(String customerId, String currency, long balanceAfter, long creditsAfter,
                                        Instant at) {
        return new BalanceRefilledEvent(UUID.randomUUID().toString(), customerId, platform, currency, 1,
                balanceAfter, creditsAfter, null, UUID.randomUUID().toString(), "admin", at, null, "ab".repeat(32));
    }

    private BalanceDeductedEvent deduction(String customerId, String currency, long balanceAfter, long creditsAfter,
                                           Instant at) {
        return new BalanceDeductedEvent(UUID.randomUUID().toString(), customerId, platform, currency, 1,
                balanceAfter, creditsAfter, null, UUID.randomUUID().toString(), "admin", at, null, "cd".repeat(32));
    }

    private CustomerCreditsSetEvent creditsSet(String customerId, String currency, long balanceAfter,
                                               long creditsAfter, Instant at) {
        return new CustomerCreditsSetEvent(UUID.randomUUID().toString(), customerId, platform, currency, 0,
                creditsAfter, balanceAfter, 0, UUID.randomUUID().toString(), "admin", at, null, "ef".repeat(32));
    }
}
