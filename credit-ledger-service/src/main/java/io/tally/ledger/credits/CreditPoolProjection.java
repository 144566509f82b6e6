package io.tally.ledger.credits;

import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.service.axon.EventProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Each platform's pool as the admins read it. Subscribing (application.yml): the row changes in
 * the transaction of the change itself, so a read after a write sees it, and the table's checks
 * (nothing negative, never more allocated than the total) are a second guard of the law.
 */
@Component
@ProcessingGroup(CreditPoolProjection.PROCESSING_GROUP)
class CreditPoolProjection {

    static final String PROCESSING_GROUP = "credit-pools";

    /** The pools' figures for GET /credit-pool, written in the transaction of each change. */
    @Bean
    static EventProcessors creditPoolsProcessor() {
        return EventProcessors.builder().subscribing(PROCESSING_GROUP).build();
    }

    private final JdbcTemplate jdbc;

    CreditPoolProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** In minor units of {@code currency}. */
    record CreditPool(String currency, long total, long allocated) {
    }

    @EventHandler
    void on(PlatformLedgerOpenedEvent event) {
        jdbc.update("""
                        INSERT INTO credit_pools (platform_id, currency, total, allocated) VALUES (?, ?, 0, 0)
                        ON CONFLICT (platform_id) DO NOTHING""", UUID.fromString(event.platformId()), event.currency());
    }

    @EventHandler
    void on(PlatformCreditPoolSetEvent event) {
        jdbc.update("UPDATE credit_pools SET total = ? WHERE platform_id = ?", event.totalAfter(),
                UUID.fromString(event.platformId()));
    }

    @EventHandler
    void on(PoolAllocationChangedEvent event) {
        jdbc.update("UPDATE credit_pools SET allocated = ? WHERE platform_id = ?", event.allocatedAfter(),
                UUID.fromString(event.platformId()));
    }

    Optional<CreditPool> find(String platformId) {
        return jdbc.query("SELECT currency, total, allocated FROM credit_pools WHERE platform_id = ?",
                (row, index) -> new CreditPool(row.getString("currency"), row.getLong("total"),
                        row.getLong("allocated")), UUID.fromString(platformId)).stream().findFirst();
    }
}
