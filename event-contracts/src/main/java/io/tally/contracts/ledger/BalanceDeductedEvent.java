package io.tally.contracts.ledger;

import io.tally.contracts.EventType;
import io.tally.contracts.Topics;

import java.time.Instant;

/**
 * A platform admin deducted {@code amount} from a customer's balance, leaving
 * {@code balanceAfter}, which is never below zero (a deduction that would take it there is
 * refused and publishes nothing); the customer's credits, unchanged, are {@code creditsAfter}.
 * Every amount is in integer minor units of {@code currency}, the platform's currency.
 * customer-service consumes it for the balance and credits of its customer list, downstream
 * billing systems for the customer's money, and auditors replay the customer's chain of
 * entries ({@code previousHash}, {@code hash}) to verify it. {@code idempotencyKey} is the
 * client's {@code Idempotency-Key}, kept for good; {@code note} is the admin's, if any. No
 * secret is ever part of it. Keyed by the customer id.
 */
@EventType(value = "io.tally.ledger.BalanceDeducted.v1", topic = Topics.LEDGER_EVENTS)
public record BalanceDeductedEvent(String entryId, String customerId, String platformId, String currency,
                                   long amount, long balanceAfter, long creditsAfter, String note,
                                   String idempotencyKey, String actor, Instant occurredAt,
                                   String previousHash, String hash)
        implements CustomerLedgerEvent {
}
