package io.tally.ledger;

import io.tally.contracts.Topics;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.testsupport.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pools, balances and credits through the running service, with platforms and customers learnt from Kafka. */
class LedgerApiIntegrationTest extends LedgerApiTest {

    @Autowired
    MeterRegistry meters;

    private double writes(String operation, String outcome) {
        Counter counter = meters.find("tally.ledger.writes").tag("operation", operation).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyMoneyWriteIsCountedByOperationAndOutcome() {
        String customerId = customer();
        double applied = writes("refill", "applied");
        double replayed = writes("refill", "replayed");
        double refused = writes("deduction", "insufficient_balance");
        double pools = writes("pool_total", "applied");

        refill(customerId, "\"3.00\"", "m-1");
        refill(customerId, "\"3.00\"", "m-1");
        deduct(customerId, "4.00", "m-2");
        setPool("1.00", "m-3");

        assertThat(writes("refill", "applied")).isEqualTo(applied + 1);
        assertThat(writes("refill", "replayed")).isEqualTo(replayed + 1);
        assertThat(writes("deduction", "insufficient_balance")).isEqualTo(refused + 1);
        assertThat(writes("pool_total", "applied")).isEqualTo(pools + 1);
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
        Response deducted = deduct(customerId, "7.50", "d-1");
        assertThat(deducted.json().get("balance").asText()).isEqualTo("12.50");
        assertProblem(deduct(customerId, "12.51", "d-2"), 409, "insufficient_balance", "amount");
        assertThat(deduct(customerId, "12.50", "d-3").json().get("balance").asText()).isEqualTo("0.00");
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
        assertProblem(refill(customerId, "null", "k7"), 400, "validation_failed", "amount");
        assertProblem(send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, "k9", "{}"), 400,
                "amount_required", "amount");
        assertProblem(refill(customerId, "\"5.00\"", null), 400, "idempotency_key_required", "Idempotency-Key");
        assertProblem(refill(customerId, "\"5.00\"", "k".repeat(256)), 400, "idempotency_key_too_long",
                "Idempotency-Key");
        assertProblem(refill(customerId, "\"5.00\"", "k\tten"), 400, "control_character", "Idempotency-Key");
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
