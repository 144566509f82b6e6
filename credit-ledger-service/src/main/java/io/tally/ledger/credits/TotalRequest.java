package io.tally.ledger.credits;

import com.fasterxml.jackson.databind.JsonNode;

/** The body of setting a pool's total: the total as sent. */
record TotalRequest(JsonNode total) {
}
