package io.tally.ledger.billing;

import io.tally.ledger.support.LedgerApiTest;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why the settings are what they are, shown with them made short: with a gap timeout of one second (and gaps
 * cleaned once there are two), two entries whose transactions commit after later ones and after the timeout are
 * skipped for good by a token read past the timeout (Axon's known gap problem), read from the event store as a
 * tracking processor reads it, so that no processor thread's timing decides; and the server ends a transaction of
 * the service that stays idle beyond idle_in_transaction_session_timeout, here one second (60 s by default, against a gap timeout of 10 minutes).
 */
@TestPropertySource(properties = {"tally.event-store.gap-timeout=1s", "tally.event-store.gap-cleaning-threshold=1",
        "spring.datasource.hikari.connection-init-sql=SET idle_in_transaction_session_timeout = '1s'"})
class GapTimeoutIntegrationTest extends LedgerApiTest {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private EventStorageEngine storage;

    @Test
    void aGapTimeoutBelowATransactionsLifeSkipsItsEntry() throws Exception {
        String customerId = customer();
        assertThat(refill(customerId, "\"1.00\"", "first").status()).isEqualTo(200);
        try (LateCommits slow = LateCommits.open(); LateCommits slower = LateCommits.open()) {
            String late = slow.insertCopyOfARefillOf(customerId);
            String alsoLate = slower.insertCopyOfARefillOf(customerId);
            for (int i = 0; i < 5; i++) {
                assertThat(refill(customerId, "\"1.00\"", "meanwhile-" + i).status()).isEqualTo(200);
            }
            // Read as a tracking processor reads, without one's timing: two gaps where the late entries will be.
            GapAwareTrackingToken seen = lastToken(null);
            assertThat(seen.getGaps()).as("the late entries' places").hasSizeGreaterThanOrEqualTo(2);
            // Beyond the gap timeout, the next read with more gaps than the threshold cleans those older than it.
            Thread.sleep(1_500);
            assertThat(refill(customerId, "\"1.00\"", "after-the-timeout").status()).isEqualTo(200);
            GapAwareTrackingToken cleaned = lastToken(seen);
            assertThat(cleaned.getGaps()).as("gaps older than the timeout, dropped").hasSizeLessThan(seen.getGaps().size());
            slow.commit();
            slower.commit();

            assertThat(read(cleaned)).as("the late entries, skipped for good by a token read past the timeout")
                    .isEmpty();
            assertThat(read(seen)).extracting(event -> event.getPayload().toString())
                    .as("the same entries, found by the token that still had the gaps")
                    .anyMatch(payload -> payload.contains(late)).anyMatch(payload -> payload.contains(alsoLate));
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

    /** The token after the last event a read from {@code token} (null: the beginning) finds now. */
    private GapAwareTrackingToken lastToken(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            return (GapAwareTrackingToken) events.reduce((first, second) -> second).orElseThrow().trackingToken();
        }
    }

    /** The events a read from {@code token} finds now. */
    private List<TrackedEventMessage<?>> read(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(token, false)) {
            return events.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }
}
