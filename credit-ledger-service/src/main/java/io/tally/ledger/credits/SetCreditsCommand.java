package io.tally.ledger.credits;

import io.tally.ledger.money.Request;

/**
 * A platform admin sets a customer's credits, in minor units of the platform's currency; {@code platformId} is
 * the caller's, from the token. Handled by {@link CreditAllocation}: it changes the customer's ledger and the
 * pool together.
 */
record SetCreditsCommand(String customerId, String platformId, long credits, Request request) {
}
