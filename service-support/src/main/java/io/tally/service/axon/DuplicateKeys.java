package io.tally.service.axon;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

/**
 * Tells the event store that an append met PostgreSQL's unique (aggregate, sequence) key: SQLState 23505 anywhere in
 * the failure's causes, or in the chain of a batch's next exceptions, where pgjdbc puts it when Axon appends events
 * as a JDBC batch. Axon's own resolver for JDBC goes by vendor error codes, which PostgreSQL leaves at 0, so it never
 * recognised one: a stale append was a plain {@code EventStoreException}. With this, it is the
 * {@code ConcurrencyException} Axon means it to be (or, for a stream's first event, its
 * {@code AggregateStreamCreationException}); the Dispatcher sends a command that met a ConcurrencyException again.
 */
public final class DuplicateKeys implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql && uniqueViolation(sql, seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean uniqueViolation(SQLException failure, Set<Throwable> seen) {
        for (SQLException next = failure; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
            if (next != failure && !seen.add(next)) {
                return false;
            }
        }
        return false;
    }
}
