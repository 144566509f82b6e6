package io.tally.ledger.money;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every Idempotency-Key a ledger entry was made with, for good (SPEC: Money), found by ledger stream and key:
 * a retry answers the key's first outcome and a key reused for another request is refused, however many
 * entries ago the key was used, without any aggregate holding its keys. An aggregate takes it as a parameter
 * of its command handler.
 */
public interface IdempotencyKeys {

    /** The entry the key made on the stream (a customer's or a platform's id), if any. */
    Optional<KeyedEntry> find(String streamId, String idempotencyKey);

    /**
     * The entry the key made on the stream when its request asked for this very change, to be answered again;
     * empty for a key the stream has not seen; refused ({@code idempotency_key_reused}) when the key made an
     * entry for another request.
     */
    default Optional<KeyedEntry> retryOf(String streamId, Request request, LedgerOperation operation, long amount,
                                         String note) {
        return find(streamId, request.idempotencyKey()).map(entry -> entry.answering(operation, amount, note));
    }

    /**
     * Sends a money write, and sends it once more when the index refused its entry because another request
     * recorded the same key on the same stream meanwhile (the write was rolled back, nothing recorded): sent
     * again, it finds that request's entry and answers as any retry does. Should that happen twice, the
     * refusal is a conflict ({@code idempotency_key_in_use}), never a failure of the service.
     */
    static <T> T send(Supplier<T> write) {
        try {
            return write.get();
        } catch (IdempotencyKeyRaceException recordedMeanwhile) {
            return write.get();
        }
    }
}
