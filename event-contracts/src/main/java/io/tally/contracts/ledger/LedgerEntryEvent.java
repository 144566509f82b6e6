package io.tally.contracts.ledger;

import io.tally.contracts.PublishedEvent;

import java.time.Instant;

/**
 * An entry of a ledger chain: what every ledger fact has in common. Amounts are integer minor
 * units of {@link #currency()}, the platform's currency. The entries of one chain (one
 * customer's, or one platform's credit pool) are linked by hash: {@link #previousHash()} is the
 * {@link #hash()} of the chain's previous entry, null for its first, so that an auditor who
 * replays the chain can tell that no entry was altered, removed or reordered.
 */
public interface LedgerEntryEvent extends PublishedEvent {

    /** The ledger entry's id. */
    String entryId();

    /** The platform's currency, an ISO 4217 code, in whose minor units every amount of the entry is. */
    String currency();

    /** The client's {@code Idempotency-Key} of the request that made the entry, kept for good. */
    String idempotencyKey();

    /** Who made the entry: the subject of the acting user's token, or {@code system:<name>}. */
    String actor();

    /** When the entry was made. */
    Instant occurredAt();

    /** The hash of the chain's previous entry, lower-case hex SHA-256; null for the chain's first entry. */
    String previousHash();

    /** This entry's hash, lower-case hex SHA-256. */
    String hash();
}
