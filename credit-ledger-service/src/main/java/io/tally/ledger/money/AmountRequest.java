package io.tally.ledger.money;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of a refill, a deduction or a credits change: {@code amount} as sent; {@code note} optional. */
public record AmountRequest(JsonNode amount, String note) {
}
