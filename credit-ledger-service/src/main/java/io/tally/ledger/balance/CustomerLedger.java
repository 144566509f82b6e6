package io.tally.ledger.balance;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.ledger.chain.LedgerAggregates;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.chain.LedgerTime;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.money.IdempotencyKeyReusedException;
import io.tally.ledger.money.InvalidAmountException;
import io.tally.ledger.money.Money;
import io.tally.ledger.money.Request;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's balance and credits, and the chain of their ledger entries. Every entry
 * carries the figures after it and the hash of the previous entry. Each Idempotency-Key the
 * customer's entries were made with is remembered from the events themselves, with what it
 * asked for, so that a retry answers the first outcome and a reused key is refused.
 */
@Aggregate(cache = LedgerAggregates.CACHE)
public class CustomerLedger {

    static final String REFILL = "refill";
    static final String DEDUCTION = "deduction";
    static final String CREDITS = "credits";

    @AggregateIdentifier
    private String customerId;
    private String platformId;
    private long balance;
    private long credits;
    private String lastHash;
    private final Map<String, Recorded> requests = new HashMap<>();

    /** What an idempotency key asked for, and what it got. */
    private record Recorded(String operation, long amount, String note, CustomerOutcome outcome) {
    }

    protected CustomerLedger() {
    }

    @CommandHandler
    public CustomerLedger(OpenCustomerLedgerCommand command) {
        apply(new CustomerLedgerOpenedEvent(command.customerId(), command.platformId()));
    }

    @CommandHandler
    public CustomerOutcome handle(RefillBalanceCommand command) {
        requireOf(command.platformId());
        Optional<CustomerOutcome> retry = retryOf(command.request(), REFILL, command.amount(), command.note());
        if (retry.isPresent()) {
            return retry.get();
        }
        if (command.amount() > Money.MAX_MINOR_UNITS - balance) {
            throw new InvalidAmountException("balance_too_large", "amount", "The balance would exceed "
                    + Money.format(Money.MAX_MINOR_UNITS, command.currency()) + ".");
        }
        apply(LedgerHash.seal(new BalanceRefilledEvent(UUID.randomUUID().toString(), customerId, platformId,
                command.currency(), command.amount(), balance + command.amount(), credits, command.note(),
                command.request().idempotencyKey(), command.request().actor(), LedgerTime.now(),
                lastHash, null)));
        return requests.get(command.request().idempotencyKey()).outcome();
    }

    @CommandHandler
    public CustomerOutcome handle(DeductBalanceCommand command) {
        requireOf(command.platformId());
        Optional<CustomerOutcome> retry = retryOf(command.request(), DEDUCTION, command.amount(), command.note());
        if (retry.isPresent()) {
            return retry.get();
        }
        if (command.amount() > balance) {
            throw new InsufficientBalanceException(Money.format(balance, command.currency()));
        }
        apply(LedgerHash.seal(new BalanceDeductedEvent(UUID.randomUUID().toString(), customerId, platformId,
                command.currency(), command.amount(), balance - command.amount(), credits, command.note(),
                command.request().idempotencyKey(), command.request().actor(), LedgerTime.now(),
                lastHash, null)));
        return requests.get(command.request().idempotencyKey()).outcome();
    }

    /** Another platform's customer is not found: ids of others reveal nothing. */
    public void requireOf(String callerPlatformId) {
        if (!Objects.equals(platformId, callerPlatformId)) {
            throw new CustomerNotFoundException(customerId);
        }
    }

    public long credits() {
        return credits;
    }

    /** The first outcome when the key already set these very credits; refused when used for another request. */
    public Optional<CustomerOutcome> retryOfCredits(Request request, long target) {
        return retryOf(request, CREDITS, target, null);
    }

    /** The first outcome when the key was used for this very request; refused when used for another. */
    private Optional<CustomerOutcome> retryOf(Request request, String operation, long amount, String note) {
        Recorded recorded = requests.get(request.idempotencyKey());
        if (recorded == null) {
            return Optional.empty();
        }
        if (!recorded.operation().equals(operation) || recorded.amount() != amount
                || !Objects.equals(recorded.note(), note)) {
            throw new IdempotencyKeyReusedException();
        }
        return Optional.of(recorded.outcome().asReplay());
    }

    /** The customer's credits become {@code target}; the pool already gave or took the difference. */
    public CustomerOutcome setCredits(String entryId, long target, long poolAvailableAfter, String currency,
                               Request request) {
        apply(LedgerHash.seal(new CustomerCreditsSetEvent(entryId, customerId, platformId, currency, credits, target,
                balance, poolAvailableAfter, request.idempotencyKey(), request.actor(),
                LedgerTime.now(), lastHash, null)));
        return requests.get(request.idempotencyKey()).outcome();
    }

    @EventSourcingHandler
    void on(CustomerLedgerOpenedEvent event) {
        customerId = event.customerId();
        platformId = event.platformId();
    }

    @EventSourcingHandler
    void on(BalanceRefilledEvent event) {
        balance = event.balanceAfter();
        record(event.idempotencyKey(), REFILL, event.amount(), event.note(), event.entryId(), event.currency(), null);
        lastHash = event.hash();
    }

    @EventSourcingHandler
    void on(BalanceDeductedEvent event) {
        balance = event.balanceAfter();
        record(event.idempotencyKey(), DEDUCTION, event.amount(), event.note(), event.entryId(), event.currency(),
                null);
        lastHash = event.hash();
    }

    @EventSourcingHandler
    void on(CustomerCreditsSetEvent event) {
        credits = event.creditsAfter();
        record(event.idempotencyKey(), CREDITS, event.creditsAfter(), null, event.entryId(), event.currency(),
                event.poolAvailableAfter());
        lastHash = event.hash();
    }

    private void record(String key, String operation, long amount, String note, String entryId, String currency,
                        Long poolAvailable) {
        requests.put(key, new Recorded(operation, amount, note,
                new CustomerOutcome(entryId, currency, balance, credits, poolAvailable, false)));
    }
}
