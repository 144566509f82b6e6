package io.tally.ledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.MovableClock;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' questions against the event store: figures as of an instant, and the hash
 * chains verified, also after someone altered or removed stored event rows in PostgreSQL.
 */
class AuditIntegrationTest extends LedgerApiTest {

    @Autowired
    MovableClock clock;

    private JsonNode asOf(String customerId, Instant at) {
        return api.get("/api/v1/customers/" + customerId + "/ledger/as-of?at=" + at, admin).json();
    }

    private JsonNode verification(String customerId) {
        return api.get("/api/v1/customers/" + customerId + "/ledger/verification", admin).json();
    }

    /** Rewrites one stored event of the stream, as someone with write access to the database could. */
    private void alterStoredEvent(String aggregateId, long sequence, String from, String to) {
        int changed = jdbc.update("""
                UPDATE domainevententry
                   SET payload = convert_to(replace(convert_from(payload, 'UTF8'), ?, ?), 'UTF8')
                 WHERE aggregateidentifier = ? AND sequencenumber = ?
                   AND position(? in convert_from(payload, 'UTF8')) > 0""", from, to, aggregateId, sequence, from);
        assertThat(changed).as("the stored row to alter").isEqualTo(1);
    }

    @Test
    void aCustomersFiguresAsOfAnyInstantComeFromTheEventStore() {
        String customerId = customer();
        setPool("50.00", "pool");
        Instant beforeAll = clock.instant();
        clock.advance(Duration.ofHours(1));
        refill(customerId, "\"10.00\"", "a1");
        Instant first = clock.instant();
        clock.advance(Duration.ofHours(1));
        refill(customerId, "\"5.00\"", "a2");
        clock.advance(Duration.ofMinutes(30));
        Instant between = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        credits(customerId, "3.00", "a3");
        clock.advance(Duration.ofSeconds(1));

        JsonNode none = asOf(customerId, beforeAll);
        assertThat(none.get("balance").asText()).isEqualTo("0.00");
        assertThat(none.get("credits").asText()).isEqualTo("0.00");
        assertThat(none.get("entries").asLong()).isZero();
        JsonNode atFirst = asOf(customerId, first);
        assertThat(atFirst.get("balance").asText()).isEqualTo("10.00");
        assertThat(atFirst.get("entries").asLong()).isEqualTo(1);
        Instant firstEntryAt = Instant.parse(atFirst.get("lastEntryAt").asText());
        assertThat(firstEntryAt).isBetween(beforeAll.plus(Duration.ofHours(1)), first);
        assertThat(asOf(customerId, firstEntryAt).get("balance").asText()).isEqualTo("10.00");
        assertThat(asOf(customerId, firstEntryAt.minusNanos(1000)).get("balance").asText()).isEqualTo("0.00");
        JsonNode halfway = asOf(customerId, between);
        assertThat(halfway.get("balance").asText()).isEqualTo("15.00");
        assertThat(halfway.get("credits").asText()).isEqualTo("0.00");
        JsonNode now = asOf(customerId, clock.instant());
        assertThat(now.get("balance").asText()).isEqualTo("15.00");
        assertThat(now.get("credits").asText()).isEqualTo("3.00");
        assertThat(now.get("entries").asLong()).isEqualTo(3);
        assertThat(now.get("currency").asText()).isEqualTo("USD");

        JsonNode poolBefore = api.get("/api/v1/credit-pool/as-of?at=" + between, admin).json();
        assertThat(poolBefore.get("total").asText()).isEqualTo("50.00");
        assertThat(poolBefore.get("allocated").asText()).isEqualTo("0.00");
        JsonNode poolNow = api.get("/api/v1/credit-pool/as-of?at=" + clock.instant(), admin).json();
        assertThat(poolNow.get("allocated").asText()).isEqualTo("3.00");
        assertThat(poolNow.get("available").asText()).isEqualTo("47.00");
        assertThat(api.get("/api/v1/credit-pool/as-of?at=" + beforeAll.minusSeconds(1), admin).json()
                .get("total").asText()).isEqualTo("0.00");
    }

    @Test
    void asOfRefusesAMissingMalformedOrFutureInstantAndOthersCustomers() {
        String customerId = customer();
        String path = "/api/v1/customers/" + customerId + "/ledger/as-of";
        assertProblem(api.get(path, admin), 400, "required", "at");
        assertProblem(api.get(path + "?at=yesterday", admin), 400, "instant", "at");
        assertProblem(api.get(path + "?at=" + clock.instant().plusSeconds(60), admin), 400, "not_in_future", "at");
        assertProblem(api.get(path + "?at=" + clock.instant() + "&verbose=true", admin), 400, "unknown_parameter",
                "verbose");
        assertProblem(api.get(path + "?at=" + clock.instant(), TestTokens.admin(UUID.randomUUID().toString())),
                404, "customer_not_found", null);
        assertProblem(api.get("/api/v1/customers/" + customerId + "/ledger/verification",
                TestTokens.customer(customerId, platformId)), 403, "forbidden", null);
        assertProblem(api.get("/api/v1/credit-pool/as-of", admin), 400, "required", "at");
    }

    @Test
    void anIntactChainVerifiesAndAnAlteredEntryIsNamed() {
        String customerId = customer();
        refill(customerId, "\"5.00\"", "v1");
        String second = refill(customerId, "\"7.00\"", "v2").json().get("entryId").asText();
        deduct(customerId, "2.00", "v3");

        JsonNode intact = verification(customerId);
        assertThat(intact.get("ok").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(3);
        assertThat(intact.get("lastHash").asText()).hasSize(64);
        assertThat(intact.has("firstBroken")).isFalse();

        alterStoredEvent(customerId, 2, "\"amount\":700", "\"amount\":70000");
        JsonNode broken = verification(customerId);
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("entries").asLong()).isEqualTo(1);
        assertThat(broken.get("firstBroken").get("entryId").asText()).isEqualTo(second);
        assertThat(broken.get("firstBroken").get("sequence").asLong()).isEqualTo(2);
        assertThat(broken.get("firstBroken").get("rule").asText()).isEqualTo("hash_mismatch");
    }

    @Test
    void aRemovedOrReorderedEntryIsNamed() {
        String removedFrom = customer();
        refill(removedFrom, "\"1.00\"", "m1");
        refill(removedFrom, "\"2.00\"", "m2");
        refill(removedFrom, "\"3.00\"", "m3");
        assertThat(jdbc.update("DELETE FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 2",
                removedFrom)).isEqualTo(1);
        JsonNode gap = verification(removedFrom);
        assertThat(gap.get("ok").asBoolean()).isFalse();
        assertThat(gap.get("firstBroken").get("rule").asText()).isEqualTo("missing_entry");
        assertThat(gap.get("firstBroken").get("sequence").asLong()).isEqualTo(2);

        String reordered = customer();
        refill(reordered, "\"1.00\"", "o1");
        refill(reordered, "\"2.00\"", "o2");
        jdbc.update("""
                UPDATE domainevententry SET sequencenumber = CASE sequencenumber WHEN 1 THEN 2 ELSE 1 END + 100
                 WHERE aggregateidentifier = ? AND sequencenumber IN (1, 2)""", reordered);
        jdbc.update("UPDATE domainevententry SET sequencenumber = sequencenumber - 100 "
                + "WHERE aggregateidentifier = ? AND sequencenumber > 100", reordered);
        JsonNode swapped = verification(reordered);
        assertThat(swapped.get("ok").asBoolean()).isFalse();
        assertThat(swapped.get("firstBroken").get("rule").asText()).isEqualTo("previous_hash_mismatch");
        assertThat(swapped.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void thePoolsChainVerifiesAndAnAlteredTotalIsNamed() {
        String customerId = customer();
        setPool("20.00", "p1");
        credits(customerId, "5.00", "p2");
        setPool("30.00", "p3");
        JsonNode intact = api.get("/api/v1/credit-pool/verification", admin).json();
        assertThat(intact.get("ok").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("entries").asLong()).isEqualTo(2);

        alterStoredEvent(platformId, 1, "\"totalAfter\":2000", "\"totalAfter\":200000");
        JsonNode broken = api.get("/api/v1/credit-pool/verification", admin).json();
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
        assertThat(broken.get("firstBroken").get("rule").asText()).isEqualTo("hash_mismatch");
    }
}
