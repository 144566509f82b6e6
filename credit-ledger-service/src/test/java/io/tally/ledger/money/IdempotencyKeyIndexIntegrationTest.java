package io.tally.ledger.money;

import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key index on PostgreSQL: the migration builds from stored events exactly the rows the writer
 * writes, a key is written in the transaction of its entry (both commit or neither), and a key another request
 * recorded meanwhile is answered as a retry, never as a failure.
 */
class IdempotencyKeyIndexIntegrationTest extends LedgerApiTest {

    private static final String COLUMNS = """
            stream_id, idempotency_key, operation, amount, note, entry_id, currency, balance_after, credits_after,
            pool_allocated, pool_available_after""";

    @Autowired
    DataSource dataSource;

    private int keys(String streamId) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_keys WHERE stream_id = ?", Integer.class,
                UUID.fromString(streamId));
    }

    private int entries(String streamId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Integer.class, streamId);
    }

    /** The rows of the streams that differ between the schemas' indexes, both ways. */
    private int difference(String schema, String... streams) {
        String ofStreams = " WHERE stream_id::text IN ('" + String.join("', '", streams) + "')";
        String written = "SELECT " + COLUMNS + " FROM public.idempotency_keys" + ofStreams;
        String built = "SELECT " + COLUMNS + " FROM " + schema + ".idempotency_keys" + ofStreams;
        return jdbc.queryForObject("SELECT count(*) FROM ((" + written + " EXCEPT " + built + ") UNION ALL ("
                + built + " EXCEPT " + written + ")) d", Integer.class);
    }

    /**
     * The stored events (and a second entry of one key, which no stream should hold: the first counts) copied into
     * a schema migrated as far as before the index, then migrated on: its index is the one the writer wrote.
     */
    @Test
    void theMigrationBuildsFromTheStoredEventsTheRowsTheWriterWrote() {
        String customerId = customer();
        assertThat(setPool("70.00", "pool-1").status()).isEqualTo(200);
        assertThat(setPool("80.00", "pool-2").status()).isEqualTo(200);
        assertThat(refill(customerId, "\"20.00\"", "refill-1").status()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/customers/" + customerId + "/balance/refills", admin, "refill-2",
                "{\"amount\":\"1.50\",\"note\":\"\\\"quoted\\\", \\\\ und Grüße ✓\"}").status()).isEqualTo(200);
        assertThat(deduct(customerId, "7.50", "deduct-1").status()).isEqualTo(200);
        assertThat(credits(customerId, "20.00", "credits-1").status()).isEqualTo(200);
        assertThat(credits(customerId, "5.00", "credits-2").status()).isEqualTo(200);
        assertThat(refill(customerId, "\"20.00\"", "refill-1").header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(keys(customerId)).isEqualTo(5);
        assertThat(keys(platformId)).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT DISTINCT operation FROM idempotency_keys ORDER BY 1", String.class))
                .containsExactly("credits", "deduction", "pool_total", "refill");

        jdbc.execute("DROP SCHEMA IF EXISTS stored_before CASCADE");
        Flyway before = Flyway.configure().dataSource(dataSource).schemas("stored_before")
                .locations("classpath:db/axon", "classpath:db/migration").target("3").load();
        before.migrate();
        assertThat(jdbc.queryForObject("SELECT to_regclass('stored_before.idempotency_keys')", String.class))
                .isNull();
        jdbc.update("INSERT INTO stored_before.domainevententry SELECT * FROM public.domainevententry");
        jdbc.update("""
                        INSERT INTO stored_before.domainevententry (globalindex, aggregateidentifier, sequencenumber,
                               type, eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp)
                        SELECT (SELECT max(globalindex) + 1 FROM stored_before.domainevententry), aggregateidentifier,
                               1000, type, 'twice-' || eventidentifier, metadata,
                               convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb, '{entryId}',
                                                    to_jsonb(gen_random_uuid()::text))::text, 'UTF8'),
                               payloadrevision, payloadtype, timestamp
                        FROM public.domainevententry
                        WHERE aggregateidentifier = ?
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'idempotencyKey' = 'refill-1'""",
                customerId);
        Flyway.configure().dataSource(dataSource).schemas("stored_before")
                .locations("classpath:db/axon", "classpath:db/migration").load().migrate();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM stored_before.idempotency_keys WHERE stream_id IN (?, ?)",
                Integer.class, UUID.fromString(customerId), UUID.fromString(platformId))).isEqualTo(7);
        assertThat(difference("stored_before", customerId, platformId)).isZero();
        jdbc.execute("DROP SCHEMA stored_before CASCADE");
    }

    @Test
    void aRefusedRequestRecordsNoKeyAndItsKeyServesLater() {
        String customerId = customer();
        assertProblem(deduct(customerId, "1.00", "later"), 409, "insufficient_balance", "amount");
        assertThat(keys(customerId)).isZero();

        assertThat(refill(customerId, "\"3.00\"", "first").status()).isEqualTo(200);
        Response deducted = deduct(customerId, "1.00", "later");
        assertThat(deducted.status()).isEqualTo(200);
        assertThat(deducted.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(deducted.json().get("balance").asText()).isEqualTo("2.00");
        assertThat(keys(customerId)).isEqualTo(2);
    }

    @Test
    void anEntryWhoseTransactionRollsBackLeavesNoKey() {
        String customerId = customer();
        jdbc.execute("""
                CREATE FUNCTION doomed_entry() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.idempotency_key = 'doomed' THEN RAISE EXCEPTION 'the entry''s commit fails'; END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE CONSTRAINT TRIGGER doomed_entry AFTER INSERT ON idempotency_keys
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION doomed_entry()""");
        try {
            Response failed = refill(customerId, "\"4.00\"", "doomed");
            assertThat(failed.status()).as(failed.toString()).isEqualTo(500);
        } finally {
            jdbc.execute("DROP TRIGGER doomed_entry ON idempotency_keys");
            jdbc.execute("DROP FUNCTION doomed_entry()");
        }
        assertThat(keys(customerId)).isZero();
        assertThat(entries(customerId)).isEqualTo(1);

        Response again = refill(customerId, "\"4.00\"", "doomed");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("false");
        assertThat(again.json().get("balance").asText()).isEqualTo("4.00");
        assertThat(keys(customerId)).isEqualTo(1);
    }

    @Test
    void aKeyRecordedMeanwhileByAnotherRequestIsAnsweredAsARetry() throws Exception {
        String customerId = customer();
        String otherEntry = UUID.randomUUID().toString();

        Response same = whileAnotherRequestRecords(customerId, "raced", otherEntry,
                () -> refill(customerId, "\"5.00\"", "raced"));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(same.json().get("entryId").asText()).isEqualTo(otherEntry);
        assertThat(same.json().get("balance").asText()).isEqualTo("5.00");

        Response other = whileAnotherRequestRecords(customerId, "raced-2", UUID.randomUUID().toString(),
                () -> refill(customerId, "\"6.00\"", "raced-2"));
        assertProblem(other, 422, "idempotency_key_reused", "Idempotency-Key");

        assertThat(entries(customerId)).as("only the ledger's opening: neither raced request made an entry")
                .isEqualTo(1);
    }

    /**
     * {@code write} runs while another transaction holds an uncommitted index row for the key (a refill of 5.00
     * with the note "top-up"), which commits once the write waits for it.
     */
    private Response whileAnotherRequestRecords(String customerId, String key, String entryId,
                                                java.util.function.Supplier<Response> write) throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("INSERT INTO idempotency_keys (" + COLUMNS
                    + ") VALUES (?, ?, 'refill', 500, 'top-up', ?, 'USD', 500, 0, NULL, NULL)")) {
                insert.setObject(1, UUID.fromString(customerId));
                insert.setString(2, key);
                insert.setObject(3, UUID.fromString(entryId));
                insert.executeUpdate();
            }
            int otherBackend;
            try (var statement = other.createStatement();
                 var result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                otherBackend = result.getInt(1);
            }
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(write);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (blockedBy(otherBackend) == 0) {
                assertThat(answer).as("the write waits for the other request's key").isNotDone();
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(5);
            }
            other.commit();
            return answer.get(10, TimeUnit.SECONDS);
        }
    }

    /** The backends waiting for {@code backend}'s transaction: only an insert of the same key can. */
    private int blockedBy(int backend) {
        return jdbc.queryForObject("SELECT count(*)::int FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))",
                Integer.class, backend);
    }
}
