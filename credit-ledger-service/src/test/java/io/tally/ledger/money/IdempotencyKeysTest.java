package io.tally.ledger.money;

import io.tally.service.web.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A key's retry and its reuse, decided on the index's entry; a key recorded meanwhile by another request. */
class IdempotencyKeysTest {

    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final KeyedEntry REFILL = new KeyedEntry(CUSTOMER, "key-1", LedgerOperation.REFILL, 2000, "top-up",
            "e-1", "USD", 2000L, 0L, null, null);
    private static final IdempotencyKeys INDEX = (stream, key) ->
            stream.equals(CUSTOMER) && key.equals("key-1") ? Optional.of(REFILL) : Optional.empty();

    private static Request request(String key) {
        return new Request(key, "admin-1");
    }

    @Test
    void aKeyTheStreamHasNotSeenIsNoRetry() {
        assertThat(INDEX.retryOf(CUSTOMER, request("key-2"), LedgerOperation.REFILL, 2000, "top-up")).isEmpty();
        assertThat(INDEX.retryOf("0f1e2d3c-4b5a-4968-8776-655443322110", request("key-1"), LedgerOperation.REFILL,
                2000, "top-up")).isEmpty();
    }

    @Test
    void theSameRequestIsARetryOfTheKeysEntry() {
        assertThat(INDEX.retryOf(CUSTOMER, request("key-1"), LedgerOperation.REFILL, 2000, "top-up"))
                .contains(REFILL);
    }

    @Test
    void anotherOperationAmountOrNoteIsAReusedKey() {
        assertReused(LedgerOperation.DEDUCTION, 2000, "top-up");
        assertReused(LedgerOperation.REFILL, 2001, "top-up");
        assertReused(LedgerOperation.REFILL, 2000, "another note");
        assertReused(LedgerOperation.REFILL, 2000, null);
    }

    private static void assertReused(LedgerOperation operation, long amount, String note) {
        assertThatThrownBy(() -> INDEX.retryOf(CUSTOMER, request("key-1"), operation, amount, note))
                .isInstanceOfSatisfying(IdempotencyKeyReusedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("idempotency_key_reused");
                    assertThat(refused.field()).isEqualTo("Idempotency-Key");
                    assertThat(refused.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
                });
    }

    @Test
    void aWriteWhoseKeyWasRecordedMeanwhileIsSentOnceMoreAndAnswersAsARetry() {
        AtomicInteger sent = new AtomicInteger();

        String answer = IdempotencyKeys.send(() -> {
            if (sent.incrementAndGet() == 1) {
                throw new IdempotencyKeyRaceException();
            }
            return "the first request's outcome, replayed";
        });

        assertThat(answer).isEqualTo("the first request's outcome, replayed");
        assertThat(sent).hasValue(2);
    }

    @Test
    void aSecondRaceIsAConflictAndOtherRefusalsAreNotSentAgain() {
        AtomicInteger sent = new AtomicInteger();
        assertThatThrownBy(() -> IdempotencyKeys.send(() -> {
            sent.incrementAndGet();
            throw new IdempotencyKeyRaceException();
        })).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo("idempotency_key_in_use");
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        });
        assertThat(sent).hasValue(2);

        AtomicInteger refusedOnce = new AtomicInteger();
        assertThatThrownBy(() -> IdempotencyKeys.send(() -> {
            refusedOnce.incrementAndGet();
            throw new IdempotencyKeyReusedException();
        })).isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(refusedOnce).hasValue(1);
    }
}
