package io.tally.ledger.credits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tally.ledger.balance.CustomerFigures;
import io.tally.ledger.money.AmountRequest;
import io.tally.ledger.money.MoneyRequests;
import io.tally.service.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A platform admin sets a customer's credits from the platform's pool. It needs an Idempotency-Key; a retry
 * answers the first result (with {@code Idempotent-Replayed: true}) and changes nothing. Another platform's
 * customer, or one the ledger does not know, is 404.
 */
@RestController
class CustomerCreditsController {

    private final CreditService credits;

    CustomerCreditsController(CreditService credits) {
        this.credits = credits;
    }

    @PutMapping("/api/v1/customers/{customerId}/credits")
    @Operation(summary = "Set a customer's credits from the platform's pool", operationId = "setCustomerCredits")
    @ApiResponse(responseCode = "200", description = "The figures after the change.")
    @ApiResponse(responseCode = "409", description = "`exceeds_pool_available`, or `idempotency_key_in_use` (the same key at once on another instance).",
            content = @Content)
    public ResponseEntity<CustomerFigures> setCredits(@AuthenticationPrincipal Jwt jwt,
                                                      @PathVariable String customerId,
                                                      @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                              required = false) String idempotencyKey,
                                                      @RequestBody AmountRequest body) {
        return CustomerFigures.answer(credits.setCredits(Caller.of(jwt), customerId, idempotencyKey, body));
    }
}
