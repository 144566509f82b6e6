package io.tally.customer.customer;

import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.DatabaseCutter;
import io.tally.testsupport.DatabaseCutter.Cut;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * customer-service, like every service that answers writes, never answers a write whose database connection broke
 * as a failure: disabling a customer whose transaction's connection a {@link DatabaseCutter} breaks just after its
 * COMMIT reached the server (so it committed), or just before (so it did not), is 503 {@code outcome_unknown} with
 * {@code Retry-After}. Setting the state is idempotent, so sending it again is safe, and leaves it done once.
 */
class OutcomeUnknownIntegrationTest extends ServiceApiTest {

    private static final String EVENT_STORE_INSERT = "insert into domainevententry";
    private static DatabaseCutter cutter;

    @Autowired
    private JdbcTemplate jdbc;

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
    void aChangeCommittedAsItsConnectionBrokeIsOutcomeUnknownAndSendingItAgainChangesNothingMore() {
        String id = customer("committed@example.com");
        cutter.arm(EVENT_STORE_INSERT, Cut.AFTER_COMMIT);

        assertOutcomeUnknown(disable(id));

        assertThat(disabledEvents(id)).as("the server committed it").isOne();
        assertThat(disable(id).status()).isEqualTo(204);
        assertThat(disabledEvents(id)).isOne();
    }

    @Test
    void aChangeWhoseConnectionBrokeBeforeItsCommitIsOutcomeUnknownAndSendingItAgainMakesIt() {
        String id = customer("rolled-back@example.com");
        cutter.arm(EVENT_STORE_INSERT, Cut.BEFORE_COMMIT);

        assertOutcomeUnknown(disable(id));

        assertThat(disabledEvents(id)).as("the server rolled it back").isZero();
        assertThat(disable(id).status()).isEqualTo(204);
        assertThat(disabledEvents(id)).isOne();
    }

    private String customer(String email) {
        Response created = api.post("/api/v1/customers", admin, "{\"email\":\"" + email + "\",\"teamName\":\"Cut\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private Response disable(String id) {
        return api.put("/api/v1/customers/" + id + "/state", admin, "{\"state\":\"OFF\"}");
    }

    private long disabledEvents(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%Disabled%'", Long.class, id);
    }

    private static void assertOutcomeUnknown(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.json().get("code").asText()).isEqualTo("outcome_unknown");
    }
}
