package io.tally.ledger.billing;

import io.tally.ledger.support.LedgerApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why the settings are what they are, shown with them made short: with a gap timeout of one second (and gaps
 * cleaned once there are two), two entries whose transactions commit four seconds after later ones are skipped for
 * good by the tracking processor (Axon's known gap problem); and the server ends a transaction of the service that stays idle beyond
 * idle_in_transaction_session_timeout, here one second (60 s by default, against a gap timeout of 10 minutes).
 */
@TestPropertySource(properties = {"tally.event-store.gap-timeout=1s", "tally.event-store.gap-cleaning-threshold=1",
        "spring.datasource.hikari.connection-init-sql=SET idle_in_transaction_session_timeout = '1s'",
        // One token, so that the skip shows every time: with two, each segment's token keeps gaps of its own, and
        // whether one of them still finds a late entry depends on when its thread last read.
        "tally.processors.segments=1"})
class GapTimeoutIntegrationTest extends LedgerApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aGapTimeoutBelowATransactionsLifeSkipsItsEntry() throws Exception {
        String customerId = customer();
        assertThat(refill(customerId, "\"1.00\"", "first").status()).isEqualTo(200);
        String late;
        String alsoLate;
        try (LateCommits slow = LateCommits.open(); LateCommits slower = LateCommits.open()) {
            late = slow.insertCopyOfARefillOf(customerId);
            alsoLate = slower.insertCopyOfARefillOf(customerId);
            for (int i = 0; i < 5; i++) {
                assertThat(refill(customerId, "\"1.00\"", "meanwhile-" + i).status()).isEqualTo(200);
            }
            Thread.sleep(4_000);
            assertThat(refill(customerId, "\"1.00\"", "after-the-timeout").status()).isEqualTo(200);
            slow.commit();
            slower.commit();
        }
        assertThat(refill(customerId, "\"1.00\"", "after-the-commit").status()).isEqualTo(200);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (billingRows(customerId) < 8 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(billingRows(customerId)).as("every entry committed in order handled").isEqualTo(8);
        Thread.sleep(2_000);
        for (String skipped : new String[] {late, alsoLate}) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_entries WHERE entry_id = ?", Long.class,
                    UUID.fromString(skipped))).as("a late one, skipped").isZero();
        }
    }

    @Test
    void theServerEndsATransactionLeftIdle() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                Thread.sleep(2_500);
                assertThatThrownBy(() -> statement.execute("SELECT 1")).isInstanceOf(SQLException.class);
            }
        }
    }

    private long billingRows(String customerId) {
        return jdbc.queryForObject("SELECT count(*) FROM billing_entries WHERE customer_id = ?", Long.class,
                UUID.fromString(customerId));
    }
}
