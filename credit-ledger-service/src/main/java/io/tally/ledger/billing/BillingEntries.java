package io.tally.ledger.billing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads the billing details: one customer's entries, newest first, filtered and paged. */
@Component
class BillingEntries {

    private static final String COLUMNS = """
            SELECT entry_id::text, sequence, occurred_at, type, amount, currency, balance_after, credits_after,
                   actor, note, correlation_id
              FROM billing_entries""";
    /** Rows fetched at a time when an export streams a whole ledger. */
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    BillingEntries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One entry, amounts in minor units of {@code currency}. */
    record BillingEntry(String entryId, long sequence, Instant occurredAt, BillingEntryType type, long amount,
                               String currency, long balanceAfter, long creditsAfter, String actor, String note,
                               String correlationId) {
    }

    /**
     * Which entries: {@code from} inclusive and {@code to} exclusive (either may be null), the
     * types (empty: all), and for a page after the first, the last sequence the previous page showed.
     */
    record Filter(String customerId, Instant from, Instant to, Set<BillingEntryType> types,
                         Long beforeSequence) {
    }

    /** A page and, when more entries follow, the sequence to continue before. */
    record Page(List<BillingEntry> items, Long nextBeforeSequence) {
    }

    Page page(Filter filter, int limit) {
        Query query = query(filter);
        List<Object> arguments = new ArrayList<>(query.arguments());
        arguments.add(limit + 1);
        List<BillingEntry> rows = jdbc.query(query.sql() + " LIMIT ?", ROW, arguments.toArray());
        if (rows.size() <= limit) {
            return new Page(rows, null);
        }
        List<BillingEntry> page = rows.subList(0, limit);
        return new Page(List.copyOf(page), page.get(limit - 1).sequence());
    }

    /**
     * Every entry the filter selects, newest first, without holding them all in memory (in a
     * transaction: PostgreSQL's driver streams with a fetch size only there).
     */
    void each(Filter filter, Consumer<BillingEntry> consumer) {
        Query query = query(filter);
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(query.sql());
            statement.setFetchSize(EXPORT_FETCH_SIZE);
            for (int i = 0; i < query.arguments().size(); i++) {
                statement.setObject(i + 1, query.arguments().get(i));
            }
            return statement;
        }, (ResultSet row) -> {
            consumer.accept(ROW.mapRow(row, 0));
        }));
    }

    private record Query(String sql, List<Object> arguments) {
    }

    private static Query query(Filter filter) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE customer_id = ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(UUID.fromString(filter.customerId()));
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        if (!filter.types().isEmpty()) {
            sql.append(" AND type = ANY (?)");
            arguments.add(filter.types().stream().map(Enum::name).sorted().toArray(String[]::new));
        }
        if (filter.beforeSequence() != null) {
            sql.append(" AND sequence < ?");
            arguments.add(filter.beforeSequence());
        }
        sql.append(" ORDER BY sequence DESC");
        return new Query(sql.toString(), arguments);
    }

    private static final RowMapper<BillingEntry> ROW = (row, index) -> new BillingEntry(row.getString(1),
            row.getLong(2), row.getTimestamp(3).toInstant(), BillingEntryType.valueOf(row.getString(4)),
            row.getLong(5), row.getString(6), row.getLong(7), row.getLong(8), row.getString(9), row.getString(10),
            row.getString(11));
}
