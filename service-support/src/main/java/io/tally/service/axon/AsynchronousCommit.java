package io.tally.service.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The transactions of a processor declared {@link EventProcessors.Commit#ASYNCHRONOUS}: Axon's own transaction, in
 * which the statement {@code SET LOCAL synchronous_commit TO OFF} runs first, so that its commit does not wait for
 * PostgreSQL's WAL flush. {@code LOCAL}: it ends with the transaction, and the pooled connection goes back as it
 * came. The token and the read model's changes still commit together or not at all; only the last commits before a
 * crash of the database server may be lost, and with them their token (see {@link EventProcessors.Commit}).
 */
public final class AsynchronousCommit implements TransactionManager {

    static final String STATEMENT = "SET LOCAL synchronous_commit TO OFF";

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    public AsynchronousCommit(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute(STATEMENT);
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        return transaction;
    }
}
