package io.tally.ledger.credits;

import io.tally.ledger.balance.CustomerOutcome;
import io.tally.ledger.credits.CreditPoolProjection.CreditPool;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.LedgerDirectory.Customer;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.ledger.directory.PlatformNotFoundException;
import io.tally.ledger.money.AmountRequest;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.LedgerMeters;
import io.tally.ledger.money.LedgerOperation;
import io.tally.ledger.money.MoneyRequests;
import io.tally.ledger.money.Request;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.Ids;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;


/**
 * The credit pools' use cases up to the aggregates, which decide: the provider sets a platform's total (a
 * platform the ledger knows; a malformed id is not found), a platform admin sets a customer's credits (a
 * customer of the caller's platform), both with a usable Idempotency-Key and a non-negative decimal string in
 * the platform's currency; and the admin reads the platform's pool. Every write that reaches the ledger is
 * counted; one whose key another request recorded at the same moment is sent once more, and answered as a retry.
 */
@Component
class CreditService {

    private final Dispatcher dispatcher;
    private final LedgerDirectory directory;
    private final CreditPoolProjection pools;
    private final LedgerMeters meters;

    CreditService(Dispatcher dispatcher, LedgerDirectory directory, CreditPoolProjection pools, LedgerMeters meters) {
        this.dispatcher = dispatcher;
        this.directory = directory;
        this.pools = pools;
        this.meters = meters;
    }

    PoolOutcome setPoolTotal(Caller caller, String platformId, String idempotencyKey, TotalRequest body) {
        String platform = canonical(platformId);
        String currency = directory.currencyOf(platform).orElseThrow(() -> new PlatformNotFoundException(platformId));
        long total = MoneyRequests.nonNegative("total", body.total(), currency);
        try {
            SetPoolTotalCommand command = new SetPoolTotalCommand(platform, total,
                    MoneyRequests.request(idempotencyKey, caller));
            return meters.count(LedgerOperation.POOL_TOTAL.code(),
                    () -> IdempotencyKeys.send(() -> dispatcher.<PoolOutcome>send(command, caller)),
                    PoolOutcome::replayed);
        } catch (AggregateNotFoundException notFound) {
            throw new PlatformNotFoundException(platformId);
        }
    }

    CustomerOutcome setCredits(Caller caller, String customerId, String idempotencyKey, AmountRequest body) {
        Customer customer = directory.requireCustomer(caller.platformId(), customerId);
        Request request = MoneyRequests.request(idempotencyKey, caller);
        try {
            SetCreditsCommand command = new SetCreditsCommand(customer.customerId(), customer.platformId(),
                    MoneyRequests.nonNegative("amount", body.amount(), customer.currency()), request);
            return meters.count(LedgerOperation.CREDITS.code(),
                    () -> IdempotencyKeys.send(() -> dispatcher.<CustomerOutcome>send(command, caller)),
                    CustomerOutcome::replayed);
        } catch (AggregateNotFoundException notFound) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    /** The caller's platform's pool. */
    CreditPool pool(Caller caller) {
        return pools.find(caller.platformId())
                .orElseThrow(() -> new PlatformNotFoundException(caller.platformId()));
    }

    private static String canonical(String platformId) {
        return Ids.canonicalOr(platformId, PlatformNotFoundException::new);
    }
}
