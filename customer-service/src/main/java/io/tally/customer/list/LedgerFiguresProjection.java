package io.tally.customer.list;

import io.tally.contracts.MinorUnits;
import io.tally.contracts.Topics;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.CustomerLedgerEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

/**
 * The balance and credits of the customer list, from credit-ledger-service's facts on Kafka.
 * Each fact carries the customer's figures after it, so the handlers set absolute values and
 * the newest fact wins: a redelivered or late fact changes nothing. The figures are kept in
 * customer_figures, from which {@link CustomerListProjection} takes them when it inserts a
 * customer's row, and copied into the row if it already exists.
 */
@Component
@ProcessingGroup(LedgerFiguresProjection.PROCESSING_GROUP)
class LedgerFiguresProjection {

    static final String PROCESSING_GROUP = "ledger-figures";

    /**
     * One fact per transaction holds one customer's figures row at a time, so it cannot deadlock with a
     * customer-list batch that reserves the rows of many customers.
     */
    @Bean
    static EventProcessors ledgerFiguresProcessor() {
        return EventProcessors.builder().consuming(PROCESSING_GROUP, Topics.LEDGER_EVENTS, 1).build();
    }

    private final JdbcTemplate jdbc;

    LedgerFiguresProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BalanceRefilledEvent event) {
        record(event);
    }

    @EventHandler
    void on(BalanceDeductedEvent event) {
        record(event);
    }

    @EventHandler
    void on(CustomerCreditsSetEvent event) {
        record(event);
    }

    private void record(CustomerLedgerEvent event) {
        long balance = event.balanceAfter();
        long credits = event.creditsAfter();
        UUID customerId = UUID.fromString(event.customerId());
        jdbc.update("""
                        INSERT INTO customer_figures (customer_id, balance_minor, credits_minor, currency,
                                                      currency_digits, as_of)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO UPDATE
                           SET balance_minor = EXCLUDED.balance_minor, credits_minor = EXCLUDED.credits_minor,
                               currency = EXCLUDED.currency, currency_digits = EXCLUDED.currency_digits,
                               as_of = EXCLUDED.as_of
                         WHERE customer_figures.as_of <= EXCLUDED.as_of""",
                customerId, balance, credits, event.currency(), MinorUnits.fractionDigits(event.currency()),
                Timestamp.from(event.occurredAt()));
        jdbc.update("""
                        UPDATE customer_list AS list
                           SET balance_minor = figures.balance_minor, credits_minor = figures.credits_minor,
                               currency = figures.currency, currency_digits = figures.currency_digits
                          FROM customer_figures AS figures
                         WHERE list.customer_id = ? AND figures.customer_id = list.customer_id
                           AND (list.balance_minor, list.credits_minor, list.currency, list.currency_digits)
                               IS DISTINCT FROM (figures.balance_minor, figures.credits_minor, figures.currency,
                                                 figures.currency_digits)""",
                customerId);
    }
}
