package io.tally.ledger.balance;

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
    public ResponseEntity<CustomerFigures> refill(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return CustomerFigures.answer(balances.refill(Caller.of(jwt), customerId, idempotencyKey, body));
    }

    @PostMapping("/balance/deductions")
    public ResponseEntity<CustomerFigures> deduct(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return CustomerFigures.answer(balances.deduct(Caller.of(jwt), customerId, idempotencyKey, body));
    }
}
