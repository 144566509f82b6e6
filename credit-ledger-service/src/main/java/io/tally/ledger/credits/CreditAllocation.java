package io.tally.ledger.credits;

import io.tally.ledger.balance.CustomerLedger;
import io.tally.ledger.balance.CustomerOutcome;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.PlatformNotFoundException;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.KeyedEntry;
import io.tally.ledger.money.LedgerOperation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Sets a customer's credits: the customer's ledger and the platform's pool change in one
 * command, hence one transaction, so that the pool never shows credits that no customer holds
 * or the other way round. The customer is loaded (and locked) first, then the pool, always in
 * that order, so two commands never wait for each other crosswise. A retry is answered from the
 * Idempotency-Key index, once the customer is known to be the caller's.
 */
@Component
class CreditAllocation {

    private final Repository<CustomerLedger> customers;
    private final Repository<PlatformLedger> pools;
    private final IdempotencyKeys keys;

    CreditAllocation(Repository<CustomerLedger> customers, Repository<PlatformLedger> pools, IdempotencyKeys keys) {
        this.customers = customers;
        this.pools = pools;
        this.keys = keys;
    }

    @CommandHandler
    public CustomerOutcome handle(SetCreditsCommand command) {
        Aggregate<CustomerLedger> customer = load(customers, command.customerId())
                .orElseThrow(() -> new CustomerNotFoundException(command.customerId()));
        customer.execute(ledger -> ledger.requireOf(command.platformId()));
        Optional<KeyedEntry> retry = keys.retryOf(command.customerId(), command.request(), LedgerOperation.CREDITS,
                command.credits(), null);
        if (retry.isPresent()) {
            return CustomerOutcome.replayOf(retry.get());
        }
        Aggregate<PlatformLedger> pool = load(pools, command.platformId())
                .orElseThrow(() -> new PlatformNotFoundException(command.platformId()));
        long current = customer.invoke(CustomerLedger::credits);
        String entryId = UUID.randomUUID().toString();
        long availableAfter = pool.invoke(p -> p.allocate(command.customerId(), current, command.credits() - current,
                entryId));
        String currency = pool.invoke(PlatformLedger::currency);
        return customer.invoke(ledger -> ledger.setCredits(entryId, command.credits(), availableAfter, currency,
                command.request()));
    }

    private static <T> Optional<Aggregate<T>> load(Repository<T> repository, String id) {
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
