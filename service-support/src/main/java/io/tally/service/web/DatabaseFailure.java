package io.tally.service.web;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A request that failed because the database went away, told apart from every other failure by its cause chain,
 * since what the answer may claim differs:
 * <ul>
 *     <li>{@link #NOT_REACHED}: no connection or transaction could be had, so nothing was done;</li>
 *     <li>{@link #CONNECTION_LOST}: the connection broke (SQLState class 08, the server shutting down, 57P01–57P03, or
 *     the pool's answer for a connection it evicted as broken) while the request's transaction was open. If that was during its commit, the change may have been committed by
 *     the server all the same: nobody can say, and an answer that claimed a failure could be false.</li>
 * </ul>
 * A commit the server refused with an error of its own (a deferred constraint, say) is neither: the server said it
 * rolled back, so the failure is known and stays a 500 that nothing was changed.
 */
public enum DatabaseFailure {
    NOT_REACHED,
    CONNECTION_LOST;

    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    /**
     * What HikariCP's proxy answers, without an SQLState, once it has evicted a connection the driver reported broken:
     * the rollback that follows a commit lost on the wire meets it, and Spring throws that in place of the commit's own
     * failure.
     */
    private static final String EVICTED_CONNECTION = "Connection is closed";

    /** The failure behind this exception, if the database's going away is what it was. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        boolean notReached = false;
        boolean lost = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            notReached |= cause instanceof CannotCreateTransactionException
                    || cause instanceof CannotGetJdbcConnectionException;
            lost |= connectionFailure(cause);
            for (Throwable suppressed : cause.getSuppressed()) {
                lost |= connectionFailure(suppressed);
            }
        }
        if (notReached) {
            return Optional.of(NOT_REACHED);
        }
        return lost ? Optional.of(CONNECTION_LOST) : Optional.empty();
    }

    private static boolean connectionFailure(Throwable cause) {
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        if (sql.getSQLState() == null) {
            return EVICTED_CONNECTION.equals(sql.getMessage());
        }
        return sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState());
    }
}
