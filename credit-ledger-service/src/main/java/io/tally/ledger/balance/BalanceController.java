package io.tally.ledger.balance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.tally.ledger.money.AmountRequest;
import io.tally.ledger.money.MoneyRequests;
import io.tally.service.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A platform admin's refills and deductions of a customer's balance. Each needs an
 * Idempotency-Key; a retry answers the first result (with {@code Idempotent-Replayed: true})
 * and changes nothing. Another platform's customer, or one the ledger does not know, is 404.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class BalanceController {

    private final BalanceService balances;

    BalanceController(BalanceService balances) {
        this.balances = balances;
    }

    @PostMapping("/balance/refills")
    @Operation(summary = "Refill a customer's balance", operationId = "refillBalance")
    @ApiResponse(responseCode = "200", description = "The figures after the change.")
    @ApiResponse(responseCode = "409", description = "`idempotency_key_in_use`: the same key at once on another instance.",
            content = @Content)
    public ResponseEntity<CustomerFigures> refill(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return CustomerFigures.answer(balances.refill(Caller.of(jwt), customerId, idempotencyKey, body));
    }

    @PostMapping("/balance/deductions")
    @Operation(summary = "Deduct from a customer's balance", operationId = "deductBalance")
    @ApiResponse(responseCode = "200", description = "The figures after the change.")
    @ApiResponse(responseCode = "409", description = "`insufficient_balance`, or `idempotency_key_in_use` (the same key at once on another instance).",
            content = @Content)
    public ResponseEntity<CustomerFigures> deduct(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return CustomerFigures.answer(balances.deduct(Caller.of(jwt), customerId, idempotencyKey, body));
    }
}
