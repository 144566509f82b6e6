package io.tally.ledger.web;

import io.tally.ledger.command.Commands.DeductBalanceCommand;
import io.tally.ledger.command.Commands.RefillBalanceCommand;
import io.tally.ledger.command.Commands.Request;
import io.tally.ledger.command.Commands.SetCreditsCommand;
import io.tally.ledger.command.Money;
import io.tally.ledger.command.Outcomes.CustomerOutcome;
import io.tally.ledger.command.Rejections.CustomerNotFoundException;
import io.tally.ledger.query.LedgerDirectory;
import io.tally.ledger.web.MoneyRequests.AmountRequest;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.function.Function;

/**
 * A platform admin's money writes on a customer: refill, deduct, set credits. Each needs an
 * Idempotency-Key; a retry answers the first result (with {@code Idempotent-Replayed: true})
 * and changes nothing. Another platform's customer, or one the ledger does not know, is 404.
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
public class BalanceController {

    private final Dispatcher dispatcher;
    private final LedgerDirectory directory;
    private final LedgerMeters meters;

    BalanceController(Dispatcher dispatcher, LedgerDirectory directory, LedgerMeters meters) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.meters = meters;
    }

    /** Figures after the change, as decimal strings in the platform's currency. */
    public record CustomerFigures(String entryId, String currency, String balance, String credits,
                                  String poolAvailable) {

        static CustomerFigures of(CustomerOutcome outcome) {
            return new CustomerFigures(outcome.entryId(), outcome.currency(),
                    Money.format(outcome.balance(), outcome.currency()),
                    Money.format(outcome.credits(), outcome.currency()),
                    outcome.poolAvailable() == null ? null
                            : Money.format(outcome.poolAvailable(), outcome.currency()));
        }
    }

    @PostMapping("/balance/refills")
    public ResponseEntity<CustomerFigures> refill(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return write("refill", jwt, customerId, idempotencyKey, (target) -> new RefillBalanceCommand(target.customerId(),
                target.platformId(), target.currency(), MoneyRequests.positive("amount", body.amount(),
                target.currency()), MoneyRequests.note(body.note()), target.request()));
    }

    @PostMapping("/balance/deductions")
    public ResponseEntity<CustomerFigures> deduct(@AuthenticationPrincipal Jwt jwt, @PathVariable String customerId,
                                                  @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                          required = false) String idempotencyKey,
                                                  @RequestBody AmountRequest body) {
        return write("deduction", jwt, customerId, idempotencyKey, (target) -> new DeductBalanceCommand(target.customerId(),
                target.platformId(), target.currency(), MoneyRequests.positive("amount", body.amount(),
                target.currency()), MoneyRequests.note(body.note()), target.request()));
    }

    @PutMapping("/credits")
    public ResponseEntity<CustomerFigures> setCredits(@AuthenticationPrincipal Jwt jwt,
                                                      @PathVariable String customerId,
                                                      @RequestHeader(value = MoneyRequests.IDEMPOTENCY_KEY,
                                                              required = false) String idempotencyKey,
                                                      @RequestBody AmountRequest body) {
        return write("credits", jwt, customerId, idempotencyKey, (target) -> new SetCreditsCommand(target.customerId(),
                target.platformId(), MoneyRequests.nonNegative("amount", body.amount(), target.currency()),
                target.request()));
    }

    /** The customer of the caller's platform, its currency and the request, once all are known to be valid. */
    private record Target(String customerId, String platformId, String currency, Request request) {
    }

    private ResponseEntity<CustomerFigures> write(String operation, Jwt jwt, String customerId,
                                                  String idempotencyKey, Function<Target, Object> command) {
        Caller caller = Caller.of(jwt);
        String customer = directory.requireCustomerOf(caller.platformId(), customerId);
        String currency = directory.currencyOf(caller.platformId())
                .orElseThrow(() -> new CustomerNotFoundException(customerId));
        Request request = MoneyRequests.request(idempotencyKey, caller);
        CustomerOutcome outcome;
        try {
            Object toSend = command.apply(new Target(customer, caller.platformId(), currency, request));
            outcome = meters.count(operation, () -> dispatcher.<CustomerOutcome>send(toSend, caller),
                    CustomerOutcome::replayed);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(customerId);
        }
        return ResponseEntity.ok().header(MoneyRequests.REPLAYED, Boolean.toString(outcome.replayed()))
                .body(CustomerFigures.of(outcome));
    }
}
