package io.tally.ledger.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of a refill, a deduction or a credits change: {@code amount} as sent; {@code note} optional. */
public record AmountRequest(
        @Schema(type = "string", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[0-9]+(\\.[0-9]+)?$",
                description = "A decimal string in the platform's currency (a JSON number is refused).",
                example = "20.00")
        JsonNode amount,
        @Schema(maxLength = 500, description = "Shown in the billing details.", example = "welcome")
        String note) {
}
