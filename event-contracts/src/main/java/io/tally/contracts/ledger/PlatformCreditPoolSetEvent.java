package io.tally.contracts.ledger;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * The provider operator set a platform's total credits from {@code totalBefore} to
 * {@code totalAfter}. {@code allocated} is the sum of the platform's customers' credits at
 * that moment and {@code availableAfter = totalAfter - allocated} what is left to grant.
 * Every amount is in integer minor units of {@code currency}, the platform's currency.
 * Downstream billing systems consume it for the platform's credits, and auditors replay the
 * pool's chain of entries ({@code previousHash}, {@code hash}), one chain per platform, to
 * verify it. {@code idempotencyKey} is the client's {@code Idempotency-Key}, kept for good.
 * No secret is ever part of it. Keyed by the platform id.
 */
@EventType(value = "io.tally.ledger.PlatformCreditPoolSet.v1", topic = Topics.LEDGER_EVENTS)
public record PlatformCreditPoolSetEvent(String entryId, String platformId, String currency, long totalBefore,
                                         long totalAfter, long allocated, long availableAfter,
                                         String idempotencyKey, String actor, Instant occurredAt,
                                         String previousHash, String hash)
        implements LedgerEntryEvent {

    @Override
    public String recordKey() {
        return platformId;
    }
}
