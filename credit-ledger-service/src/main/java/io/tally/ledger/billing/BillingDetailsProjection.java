package io.tally.ledger.billing;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.CustomerLedgerEvent;
import io.tally.service.axon.EventProcessors;
import io.tally.service.axon.MetaDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The billing details: every entry of every customer's ledger, with the figures after it, who
 * made it and the request's correlation id. A tracking processor on the event store, so that it
 * can be rebuilt from the events at any time (reset its tokens) and comes back identical: each
 * row is a function of one event and its place in the customer's stream.
 */
@Component
@ProcessingGroup(BillingDetailsProjection.PROCESSING_GROUP)
public class BillingDetailsProjection {

    /** Its processor, whose commits config lets skip the wait for the WAL flush. */
    public static final String PROCESSING_GROUP = "billing-details";

    /**
     * Rebuilt by resetting its token; under load a batch of entries shares one transaction and one token
     * update.
     */
    @Bean
    static EventProcessors billingDetailsProcessor() {
        return EventProcessors.builder().tracking(PROCESSING_GROUP, 100).build();
    }

    private static final String PENDING_ROWS = BillingDetailsProjection.class.getName() + ".rows";
    private static final String INSERT = """
            INSERT INTO billing_entries (entry_id, customer_id, platform_id, sequence, occurred_at, type, amount,
                                         currency, balance_after, credits_after, actor, note, idempotency_key,
                                         correlation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (entry_id) DO NOTHING""";

    private final JdbcTemplate jdbc;

    BillingDetailsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BalanceRefilledEvent event, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.CORRELATION_ID) String correlationId) {
        insert(event, sequence, BillingEntryType.REFILL, event.amount(), event.note(), correlationId);
    }

    @EventHandler
    void on(BalanceDeductedEvent event, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.CORRELATION_ID) String correlationId) {
        insert(event, sequence, BillingEntryType.DEDUCTION, -event.amount(), event.note(), correlationId);
    }

    @EventHandler
    void on(CustomerCreditsSetEvent event, @SequenceNumber long sequence,
            @MetaDataValue(MetaDataKeys.CORRELATION_ID) String correlationId) {
        insert(event, sequence, BillingEntryType.CREDITS, event.creditsAfter() - event.creditsBefore(), null,
                correlationId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM billing_entries");
    }

    /**
     * The row joins the batch's rows, all inserted at once just before the batch's transaction
     * commits (one round trip instead of one per entry), with the processor's position. Delivered
     * again (a replay without reset, a retried batch): the row is already there, unchanged.
     */
    private void insert(CustomerLedgerEvent event, long sequence, BillingEntryType type, long amount, String note,
                        String correlationId) {
        pendingRows().add(new Object[] {UUID.fromString(event.entryId()), UUID.fromString(event.customerId()),
                UUID.fromString(event.platformId()), sequence, Timestamp.from(event.occurredAt()), type.name(), amount,
                event.currency(), event.balanceAfter(), event.creditsAfter(), event.actor(), note,
                event.idempotencyKey(), correlationId});
    }

    private List<Object[]> pendingRows() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING_ROWS, key -> {
            List<Object[]> rows = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> jdbc.batchUpdate(INSERT, rows));
            return rows;
        });
    }
}
