package io.tally.ledger.balance;

import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.ledger.directory.LedgerDirectory.Customer;
import io.tally.ledger.money.AmountRequest;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.LedgerMeters;
import io.tally.ledger.money.LedgerOperation;
import io.tally.ledger.money.MoneyRequests;
import io.tally.ledger.money.Request;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.function.BiFunction;

/**
 * A platform admin's refills and deductions of a customer's balance, up to the customer's ledger, which
 * decides: the customer must be one of the caller's platform that the ledger knows (another platform's, or
 * an unknown one, is not found), the request needs a usable Idempotency-Key, and the amount is a positive
 * decimal string in the platform's currency. Every write that reaches the ledger is counted; one whose key another
 * request recorded at the same moment is sent once more, and answered as a retry.
 */
@Component
class BalanceService {

    private final Dispatcher dispatcher;
    private final LedgerDirectory directory;
    private final LedgerMeters meters;

    BalanceService(Dispatcher dispatcher, LedgerDirectory directory, LedgerMeters meters) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.meters = meters;
    }

    CustomerOutcome refill(Caller caller, String customerId, String idempotencyKey, AmountRequest body) {
        return write(LedgerOperation.REFILL, caller, customerId, idempotencyKey,
                (customer, request) -> new RefillBalanceCommand(customer.customerId(), customer.platformId(),
                        customer.currency(), MoneyRequests.positive("amount", body.amount(), customer.currency()),
                        MoneyRequests.note(body.note()), request));
    }

    CustomerOutcome deduct(Caller caller, String customerId, String idempotencyKey, AmountRequest body) {
        return write(LedgerOperation.DEDUCTION, caller, customerId, idempotencyKey,
                (customer, request) -> new DeductBalanceCommand(customer.customerId(), customer.platformId(),
                        customer.currency(), MoneyRequests.positive("amount", body.amount(), customer.currency()),
                        MoneyRequests.note(body.note()), request));
    }

    private CustomerOutcome write(LedgerOperation operation, Caller caller, String customerId, String idempotencyKey,
                                  BiFunction<Customer, Request, Object> command) {
        Customer customer = directory.requireCustomer(caller.platformId(), customerId);
        Request request = MoneyRequests.request(idempotencyKey, caller);
        try {
            Object toSend = command.apply(customer, request);
            return meters.count(operation.code(),
                    () -> IdempotencyKeys.send(() -> dispatcher.<CustomerOutcome>send(toSend, caller)),
                    CustomerOutcome::replayed);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(customerId);
        }
    }
}
