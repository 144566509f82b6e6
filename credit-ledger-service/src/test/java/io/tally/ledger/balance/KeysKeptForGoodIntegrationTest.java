package io.tally.ledger.balance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.TeamType;
import io.tally.ledger.CreditLedgerServiceApplication;
import io.tally.ledger.money.Request;
import io.tally.testsupport.PublishedFacts;
import io.tally.testsupport.TestKeyAndClock;
import io.tally.testsupport.TestTokens;
import io.tally.testsupport.WithPostgresAndKafka;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC: keys are kept for good. A key used thousands of entries earlier still answers its first outcome, in the
 * running service and after a restart (a new application context on the same database: no aggregate cache, no
 * memory of anything), while the customer's aggregate holds its figures and no key.
 */
@WithPostgresAndKafka
class KeysKeptForGoodIntegrationTest {

    private static final int LATER_ENTRIES = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String platformId = UUID.randomUUID().toString();
    private final String customerId = UUID.randomUUID().toString();
    private final String admin = TestTokens.admin(platformId);

    /** The whole service, as it starts in production, on the test's database and broker. */
    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(CreditLedgerServiceApplication.class, TestKeyAndClock.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
    }

    private record Answer(int status, boolean replayed, JsonNode body) {
    }

    private Answer refill(ConfigurableApplicationContext service, String amount, String note, String key)
            throws Exception {
        String port = service.getEnvironment().getRequiredProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/customers/" + customerId + "/balance/refills"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                        .header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"amount\":\"" + amount + "\",\"note\":\"" + note + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(),
                response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false),
                JSON.readTree(response.body()));
    }

    private static void await(JdbcTemplate jdbc, String sql, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (jdbc.queryForObject(sql, Integer.class, UUID.fromString(id)) == 0) {
            assertThat(System.nanoTime()).as(sql).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aKeyUsedThousandsOfEntriesEarlierAnswersItsFirstOutcomeAlsoAfterARestart() throws Exception {
        Answer first;
        try (ConfigurableApplicationContext service = start()) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            PublishedFacts.publish(new PlatformCreatedEvent(platformId, "P " + platformId, "USD", Instant.now()));
            PublishedFacts.publish(new CustomerCreatedEvent(customerId, platformId, customerId + "@example.com", "T",
                    null, TeamType.DEFAULT, Instant.now()));
            await(jdbc, "SELECT count(*) FROM ledger_customers WHERE customer_id = ?", customerId);

            first = refill(service, "1.25", "the first", "first-key");
            assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
            assertThat(first.replayed()).isFalse();
            CommandGateway commands = service.getBean(CommandGateway.class);
            for (int i = 0; i < LATER_ENTRIES; i++) {
                commands.sendAndWait(new RefillBalanceCommand(customerId, platformId, "USD", 100, null,
                        new Request("later-" + i, "admin-1")));
            }

            assertFirstOutcome(refill(service, "1.25", "the first", "first-key"), first);
            assertReusedKeyRefused(service);
            assertHoldsNoKeys(service);
        }
        try (ConfigurableApplicationContext restarted = start()) {
            assertFirstOutcome(refill(restarted, "1.25", "the first", "first-key"), first);
            assertReusedKeyRefused(restarted);
            Answer next = refill(restarted, "2.00", "after the restart", "later-0");
            assertThat(next.status()).isEqualTo(422);
            Answer fresh = refill(restarted, "2.00", "after the restart", "fresh-key");
            assertThat(fresh.replayed()).isFalse();
            assertThat(fresh.body().get("balance").asText()).isEqualTo("3003.25");
        }
    }

    private static void assertFirstOutcome(Answer retry, Answer first) {
        assertThat(retry.status()).as(retry.body().toString()).isEqualTo(200);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.body().get("balance").asText()).isEqualTo("1.25");
    }

    private void assertReusedKeyRefused(ConfigurableApplicationContext service) throws Exception {
        Answer reused = refill(service, "1.25", "another note", "first-key");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body().get("code").asText()).isEqualTo("idempotency_key_reused");
    }

    private Repository<CustomerLedger> ledgers(ConfigurableApplicationContext service) {
        return service.<Repository<CustomerLedger>>getBeanProvider(ResolvableType.forClassWithGenerics(
                Repository.class, CustomerLedger.class)).getObject();
    }

    private CustomerLedger load(ConfigurableApplicationContext service) throws Exception {
        var result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() ->
                ledgers(service).load(customerId).invoke(ledger -> ledger));
        if (result.isExceptional()) {
            throw (Exception) result.exceptionResult();
        }
        return result.getPayload();
    }

    /** Its figures, its ids and the last link of its chain: nothing that grows with its entries. */
    private void assertHoldsNoKeys(ConfigurableApplicationContext service) throws Exception {
        CustomerLedger ledger = load(service);
        List<Field> fields = Arrays.stream(CustomerLedger.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers())).toList();
        assertThat(fields).isNotEmpty();
        for (Field field : fields) {
            field.setAccessible(true);
            assertThat(field.get(ledger)).as("CustomerLedger.%s", field.getName())
                    .isInstanceOfAny(String.class, Long.class);
        }
    }
}
