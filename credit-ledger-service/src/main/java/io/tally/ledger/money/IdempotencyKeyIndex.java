package io.tally.ledger.money;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The Idempotency-Key index (table {@code idempotency_keys}, its only writer): one row per ledger stream and
 * key, inserted by a subscribing processor in the transaction of the entry itself, so an entry and its key
 * commit together or not at all, and a refused or rolled-back request leaves its key free. The events keep
 * every key too; the migration that made the table built it from them.
 */
@Component
@ProcessingGroup(IdempotencyKeyIndex.PROCESSING_GROUP)
class IdempotencyKeyIndex implements IdempotencyKeys {

    static final String PROCESSING_GROUP = "idempotency-keys";

    /** In the transaction of each ledger entry. */
    @Bean
    static EventProcessors idempotencyKeysProcessor() {
        return EventProcessors.builder().subscribing(PROCESSING_GROUP).build();
    }

    private static final String INSERT = """
            INSERT INTO idempotency_keys (stream_id, idempotency_key, operation, amount, note, entry_id, currency,
                                          balance_after, credits_after, pool_allocated, pool_available_after)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (stream_id, idempotency_key) DO NOTHING""";
    private static final String FIND = """
            SELECT stream_id::text, idempotency_key, operation, amount, note, entry_id::text, currency,
                   balance_after, credits_after, pool_allocated, pool_available_after
            FROM idempotency_keys WHERE stream_id = ? AND idempotency_key = ?""";
    private static final RowMapper<KeyedEntry> ENTRY = (row, index) -> new KeyedEntry(row.getString(1),
            row.getString(2), LedgerOperation.ofCode(row.getString(3)), row.getLong(4), row.getString(5),
            row.getString(6), row.getString(7), row.getObject(8, Long.class), row.getObject(9, Long.class),
            row.getObject(10, Long.class), row.getObject(11, Long.class));

    private final JdbcTemplate jdbc;

    IdempotencyKeyIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BalanceRefilledEvent event) {
        insert(KeyedEntry.of(event));
    }

    @EventHandler
    void on(BalanceDeductedEvent event) {
        insert(KeyedEntry.of(event));
    }

    @EventHandler
    void on(CustomerCreditsSetEvent event) {
        insert(KeyedEntry.of(event));
    }

    @EventHandler
    void on(PlatformCreditPoolSetEvent event) {
        insert(KeyedEntry.of(event));
    }

    @Override
    public Optional<KeyedEntry> find(String streamId, String idempotencyKey) {
        return jdbc.query(FIND, ENTRY, UUID.fromString(streamId), idempotencyKey).stream().findFirst();
    }

    /**
     * The primary key is the last guard: the aggregate's lock (and, between instances, its event sequence)
     * already lets one request at a time decide on a stream, so a key found taken here was recorded by another
     * request meanwhile, and this entry rolls back with its command.
     */
    private void insert(KeyedEntry entry) {
        int inserted = jdbc.update(INSERT, UUID.fromString(entry.streamId()), entry.idempotencyKey(),
                entry.operation().code(), entry.amount(), entry.note(), UUID.fromString(entry.entryId()),
                entry.currency(), entry.balance(), entry.credits(), entry.poolAllocated(), entry.poolAvailable());
        if (inserted == 0) {
            throw new IdempotencyKeyRaceException();
        }
    }
}
