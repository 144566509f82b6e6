package io.tally.ledger.money;

import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.DatabaseCutter;
import io.tally.testsupport.DatabaseCutter.Cut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write whose database connection breaks is never answered as a failure that may not have happened. The service
 * reaches PostgreSQL through a {@link DatabaseCutter}, which breaks the connection of the refill's transaction
 * (the one that inserts into the event store) either just after its COMMIT reached the server (so it committed) or
 * just before (so it did not). Both are answered 503 {@code outcome_unknown} with {@code Retry-After}, and a retry
 * with the same Idempotency-Key then answers the truth: the first result replayed, or the refill made once.
 */
class OutcomeUnknownIntegrationTest extends LedgerApiTest {

    private static final String EVENT_STORE_INSERT = "insert into domainevententry";
    private static DatabaseCutter cutter;

    @DynamicPropertySource
    static void throughTheCutter(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> {
            cutter = DatabaseCutter.inFrontOfTheTestDatabase();
            return cutter.jdbcUrl();
        });
    }

    @AfterAll
    static void stopTheCutter() throws IOException {
        if (cutter != null) {
            cutter.close();
        }
    }

    @Test
    void aRefillCommittedAsItsConnectionBrokeIsOutcomeUnknownAndItsRetryReplaysIt() {
        String customerId = customer();
        int cutsBefore = cutter.cuts();
        cutter.arm(EVENT_STORE_INSERT, Cut.AFTER_COMMIT);

        Response broken = refill(customerId, "\"7.00\"", "cut-after-commit");

        assertThat(cutter.cuts()).isEqualTo(cutsBefore + 1);
        assertOutcomeUnknown(broken);
        assertThat(entries(customerId)).as("the server committed it").isEqualTo(1);
        Response retry = refill(customerId, "\"7.00\"", "cut-after-commit");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("balance").asText()).isEqualTo("7.00");
        assertThat(entries(customerId)).isEqualTo(1);
    }

    @Test
    void aRefillWhoseConnectionBrokeBeforeItsCommitIsOutcomeUnknownAndItsRetryMakesIt() {
        String customerId = customer();
        int cutsBefore = cutter.cuts();
        cutter.arm(EVENT_STORE_INSERT, Cut.BEFORE_COMMIT);

        Response broken = refill(customerId, "\"4.00\"", "cut-before-commit");

        assertThat(cutter.cuts()).isEqualTo(cutsBefore + 1);
        assertOutcomeUnknown(broken);
        assertThat(entries(customerId)).as("the server rolled it back").isZero();
        Response retry = refill(customerId, "\"4.00\"", "cut-before-commit");
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isNotEqualTo("true");
        assertThat(retry.json().get("balance").asText()).isEqualTo("4.00");
        assertThat(entries(customerId)).isEqualTo(1);
    }

    private static void assertOutcomeUnknown(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("outcome_unknown");
        assertThat(response.json().get("detail").asText()).contains("may or may not have taken effect");
    }

    /** The customer's refills in the event store. */
    private long entries(String customerId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%Refilled%'", Long.class, customerId);
    }
}
