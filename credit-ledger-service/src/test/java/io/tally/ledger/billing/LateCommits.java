package io.tally.ledger.billing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transaction that takes its place in the event store's global index now and commits later, as a slow transaction
 * does: a copy of one of a customer's stored refills, made another customer's entry (a new stream, a new entry id),
 * inserted on a connection of its own and committed when the test says. Meanwhile the processors see a gap there.
 */
final class LateCommits implements AutoCloseable {

    private static final Pattern ENTRY_ID = Pattern.compile("\"entryId\":\"([0-9a-f-]{36})\"");

    private final Connection connection;

    private LateCommits(Connection connection) {
        this.connection = connection;
    }

    /** A connection to the test class's database, outside the service's pool. */
    static LateCommits open() throws SQLException {
        Connection connection = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
                System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"));
        connection.setAutoCommit(false);
        return new LateCommits(connection);
    }

    /** Inserts the copy of one of {@code customerId}'s refills, uncommitted; answers the copy's entry id. */
    String insertCopyOfARefillOf(String customerId) throws SQLException {
        String payload;
        try (PreparedStatement read = connection.prepareStatement("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = ? AND payloadtype LIKE '%Refilled%' LIMIT 1""")) {
            read.setString(1, customerId);
            try (ResultSet rows = read.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no refill of " + customerId + " to copy");
                }
                payload = rows.getString(1);
            }
        }
        Matcher entry = ENTRY_ID.matcher(payload);
        if (!entry.find()) {
            throw new IllegalStateException("no entry id in " + payload);
        }
        String stream = UUID.randomUUID().toString();
        String entryId = UUID.randomUUID().toString();
        try (PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                                              payloadtype, payloadrevision, payload, metadata)
                SELECT ?, ?, sequencenumber, type, timestamp, payloadtype, payloadrevision,
                       convert_to(replace(replace(convert_from(payload, 'UTF8'), ?, ?), ?, ?), 'UTF8'), metadata
                  FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%Refilled%' LIMIT 1""")) {
            copy.setString(1, UUID.randomUUID().toString());
            copy.setString(2, stream);
            copy.setString(3, entry.group(1));
            copy.setString(4, entryId);
            copy.setString(5, customerId);
            copy.setString(6, stream);
            copy.setString(7, customerId);
            if (copy.executeUpdate() != 1) {
                throw new IllegalStateException("the copy was not inserted");
            }
        }
        return entryId;
    }

    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
