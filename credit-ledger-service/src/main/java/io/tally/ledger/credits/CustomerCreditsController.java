package io.tally.ledger.credits;

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
    public ResponseEntity<CustomerFigures> setCredits(@AuthenticationPrincipal Jwt jwt,
                                                      @PathVariable String customerId,
                                                      @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                              required = false) String idempotencyKey,
                                                      @RequestBody AmountRequest body) {
        return CustomerFigures.answer(credits.setCredits(Caller.of(jwt), customerId, idempotencyKey, body));
    }
}
