package io.tally.ledger.credits;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of setting a pool's total: the total as sent. */
record TotalRequest(
        @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9]+(\\.[0-9]+)?$",
                description = "A decimal string in the platform's currency (a JSON number is refused).",
                example = "70.00")
        JsonNode total) {
}
