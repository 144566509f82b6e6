package io.tally.contracts.ledger;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * A platform admin set a customer's credits from {@code creditsBefore} to
 * {@code creditsAfter}. The difference came from the platform's shared credit pool (or, when
 * the credits were lowered, went back to it), whose available credits are then
 * {@code poolAvailableAfter}; the customer's balance, unchanged, is {@code balanceAfter}.
 * Every amount is in integer minor units of {@code currency}, the platform's currency.
 * customer-service consumes it for the balance and credits of its customer list, downstream
 * billing systems for the customer's credits, and auditors replay the customer's chain of
 * entries ({@code previousHash}, {@code hash}) to verify it. {@code idempotencyKey} is the
 * client's {@code Idempotency-Key}, kept for good. No secret is ever part of it. Keyed by the
 * customer id.
 */
@EventType(value = "io.tally.ledger.CustomerCreditsSet.v1", topic = Topics.LEDGER_EVENTS)
public record CustomerCreditsSetEvent(String entryId, String customerId, String platformId, String currency,
                                      long creditsBefore, long creditsAfter, long balanceAfter,
                                      long poolAvailableAfter, String idempotencyKey, String actor,
                                      Instant occurredAt, String previousHash, String hash)
        implements CustomerLedgerEvent {
}
