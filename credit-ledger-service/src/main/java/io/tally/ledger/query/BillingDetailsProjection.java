package io.tally.ledger.query;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.CustomerLedgerEvent;
import io.tally.service.axon.MetaDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
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

    public static final String PROCESSING_GROUP = "billing-details";

    private final JdbcTemplate jdbc;

    public BillingDetailsProjection(JdbcTemplate jdbc) {
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

    /** Delivered again (a replay without reset, a retried batch): the row is already there, unchanged. */
    private void insert(CustomerLedgerEvent event, long sequence, BillingEntryType type, long amount, String note,
                        String correlationId) {
        jdbc.update("""
                        INSERT INTO billing_entries (entry_id, customer_id, platform_id, sequence, occurred_at, type,
                                                     amount, currency, balance_after, credits_after, actor, note,
                                                     idempotency_key, correlation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (entry_id) DO NOTHING""",
                UUID.fromString(event.entryId()), UUID.fromString(event.customerId()),
                UUID.fromString(event.platformId()), sequence, Timestamp.from(event.occurredAt()), type.name(), amount,
                event.currency(), event.balanceAfter(), event.creditsAfter(), event.actor(), note,
                event.idempotencyKey(), correlationId);
    }
}
