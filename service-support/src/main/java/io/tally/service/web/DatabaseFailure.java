package io.tally.service.web;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A request that failed because the database went away, told apart from every other failure by its cause chain,
 * since what the answer may claim differs:
 * <ul>
 *     <li>{@link #NOT_REACHED}: no connection or transaction could be had, so nothing was done;</li>
 *     <li>{@link #CONNECTION_LOST}: the connection broke (SQLState class 08, or the server shutting down, 57P01–57P03)
 *     or a commit failed ({@link TransactionSystemException}) while the request's transaction was open. If that was
 *     during its commit, the change may have been committed by the server all the same: nobody can say, and an
 *     answer that claimed a failure could be false.</li>
 * </ul>
 */
public enum DatabaseFailure {
    NOT_REACHED,
    CONNECTION_LOST;

    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** The failure behind this exception, if the database's going away is what it was. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        boolean notReached = false;
        boolean lost = false;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            notReached |= cause instanceof CannotCreateTransactionException
                    || cause instanceof CannotGetJdbcConnectionException;
            lost |= cause instanceof TransactionSystemException || connectionFailure(cause);
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
        if (!(cause instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        return sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState());
    }
}
