package io.tally.ledger.billing;

import io.tally.ledger.support.LedgerApiTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No committed event is skipped: a transaction that took its place in the global index and commits seconds after
 * later ones (ten refills by other requests meanwhile) is handled by the billing details' tracking processor all the
 * same, since its gap is waited for (tally.event-store.gap-timeout, 10 minutes, far above how long a transaction can
 * stay open). GapTimeoutIntegrationTest shows what a gap timeout below that would cost.
 */
class GapsIntegrationTest extends LedgerApiTest {

    @Test
    void anEntryCommittedAfterLaterOnesIsHandledNotSkipped() throws Exception {
        String customerId = customer();
        assertThat(refill(customerId, "\"1.00\"", "first").status()).isEqualTo(200);
        String late;
        try (LateCommits slow = LateCommits.open()) {
            late = slow.insertCopyOfARefillOf(customerId);
            for (int i = 0; i < 10; i++) {
                assertThat(refill(customerId, "\"1.00\"", "meanwhile-" + i).status()).isEqualTo(200);
            }
            awaitBillingRows(customerId, 11, Duration.ofSeconds(20));
            Thread.sleep(3_000);
            assertThat(billingRow(late)).as("not committed yet").isZero();
            slow.commit();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (billingRow(late) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(billingRow(late)).as("the late entry, handled once its transaction committed").isOne();
    }

    /**
     * Many writers at once while two transactions hold their places in the index, one rolled back and one committed
     * late: every committed entry is handled exactly once, the rolled-back one never.
     */
    @Test
    void underConcurrentWritesEveryCommittedEntryIsHandledOnceAndARolledBackOneNever() throws Exception {
        List<String> customers = List.of(customer(), customer(), customer(), customer());
        for (String customerId : customers) {
            assertThat(refill(customerId, "\"1.00\"", "first").status()).isEqualTo(200);
        }
        String late;
        String rolledBack;
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try (LateCommits slow = LateCommits.open(); LateCommits doomed = LateCommits.open()) {
            late = slow.insertCopyOfARefillOf(customers.get(0));
            rolledBack = doomed.insertCopyOfARefillOf(customers.get(1));
            List<Future<Long>> answered = new ArrayList<>();
            for (String customerId : customers) {
                answered.add(writers.submit(() -> {
                    long ok = 0;
                    for (int i = 0; i < 15; i++) {
                        ok += refill(customerId, "\"1.00\"", "busy-" + i).status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            for (Future<Long> writer : answered) {
                assertThat(writer.get()).isEqualTo(15);
            }
            doomed.rollback();
            Thread.sleep(1_000);
            slow.commit();
        } finally {
            writers.shutdownNow();
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (billingRow(late) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(billingRow(late)).isOne();
        assertThat(billingRow(rolledBack)).isZero();
        for (String customerId : customers) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_entries WHERE customer_id = ?", Long.class,
                    UUID.fromString(customerId))).as("each entry once").isEqualTo(16);
        }
    }

    private long billingRow(String entryId) {
        return jdbc.queryForObject("SELECT count(*) FROM billing_entries WHERE entry_id = ?", Long.class,
                UUID.fromString(entryId));
    }

    private void awaitBillingRows(String customerId, long rows, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM billing_entries WHERE customer_id = ?", Long.class,
                UUID.fromString(customerId)) < rows) {
            assertThat(System.nanoTime()).as("the later entries handled").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
