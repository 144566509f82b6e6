package io.tally.ledger.money;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;

import java.util.Objects;

/**
 * The entry an Idempotency-Key made on a ledger stream ({@code streamId}: a customer's ledger, or a platform's
 * pool), with what its request asked for ({@code operation}, {@code amount}, {@code note}) and what it answered:
 * the entry and the figures after it, in minor units of {@code currency}. A customer's entry has
 * {@code balance} and {@code credits} (and {@code poolAvailable} after a change of credits); a pool's has
 * {@code poolAllocated} and {@code poolAvailable}; the others are null. {@code amount} is the amount refilled or
 * deducted, or the credits or the pool total set.
 */
public record KeyedEntry(String streamId, String idempotencyKey, LedgerOperation operation, long amount, String note,
                         String entryId, String currency, Long balance, Long credits, Long poolAllocated,
                         Long poolAvailable) {

    public static KeyedEntry of(BalanceRefilledEvent event) {
        return new KeyedEntry(event.customerId(), event.idempotencyKey(), LedgerOperation.REFILL, event.amount(),
                event.note(), event.entryId(), event.currency(), event.balanceAfter(), event.creditsAfter(), null,
                null);
    }

    public static KeyedEntry of(BalanceDeductedEvent event) {
        return new KeyedEntry(event.customerId(), event.idempotencyKey(), LedgerOperation.DEDUCTION, event.amount(),
                event.note(), event.entryId(), event.currency(), event.balanceAfter(), event.creditsAfter(), null,
                null);
    }

    public static KeyedEntry of(CustomerCreditsSetEvent event) {
        return new KeyedEntry(event.customerId(), event.idempotencyKey(), LedgerOperation.CREDITS,
                event.creditsAfter(), null, event.entryId(), event.currency(), event.balanceAfter(),
                event.creditsAfter(), null, event.poolAvailableAfter());
    }

    public static KeyedEntry of(PlatformCreditPoolSetEvent event) {
        return new KeyedEntry(event.platformId(), event.idempotencyKey(), LedgerOperation.POOL_TOTAL,
                event.totalAfter(), null, event.entryId(), event.currency(), null, null, event.allocated(),
                event.availableAfter());
    }

    /** This entry, when the key's request asked for this very change; the key's reuse for another is refused. */
    KeyedEntry answering(LedgerOperation operation, long amount, String note) {
        if (this.operation != operation || this.amount != amount || !Objects.equals(this.note, note)) {
            throw new IdempotencyKeyReusedException();
        }
        return this;
    }
}
