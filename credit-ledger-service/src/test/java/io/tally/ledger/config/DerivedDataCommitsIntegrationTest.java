package io.tally.ledger.config;

import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.ledger.support.LedgerApiTest;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The billing details commit without waiting for the WAL flush; a money write's own transaction
 * (where the pool's figures are written) still waits for it.
 */
@Import({DerivedDataCommitsIntegrationTest.BillingDetailsProbe.class, DerivedDataCommitsIntegrationTest.PoolProbe.class})
class DerivedDataCommitsIntegrationTest extends LedgerApiTest {

    static final List<String> DERIVED = new CopyOnWriteArrayList<>();
    static final List<String> COMMAND = new CopyOnWriteArrayList<>();

    @ProcessingGroup("billing-details")
    static class BillingDetailsProbe {
        private final JdbcTemplate jdbc;

        BillingDetailsProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(BalanceRefilledEvent event) {
            DERIVED.add(jdbc.queryForObject("SHOW synchronous_commit", String.class));
        }
    }

    @ProcessingGroup("credit-pools")
    static class PoolProbe {
        private final JdbcTemplate jdbc;

        PoolProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(CustomerCreditsSetEvent event) {
            COMMAND.add(jdbc.queryForObject("SHOW synchronous_commit", String.class));
        }
    }

    @Test
    void billingDetailsCommitAsynchronouslyMoneyWritesDoNot() {
        String customerId = customer();
        setPool("30.00", "async-pool");
        refill(customerId, "\"10.00\"", "async-1");
        credits(customerId, "4.00", "async-2");

        await().atMost(Duration.ofSeconds(10)).until(() -> !DERIVED.isEmpty());
        assertThat(DERIVED).containsOnly("off");
        assertThat(COMMAND).containsExactly("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
    }
}
