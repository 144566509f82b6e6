package io.tally.ledger.balance;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.ledger.chain.LedgerAggregates;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.chain.LedgerTime;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.InvalidAmountException;
import io.tally.ledger.money.KeyedEntry;
import io.tally.ledger.money.LedgerOperation;
import io.tally.ledger.money.Money;
import io.tally.ledger.money.Request;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's balance and credits, and the chain of their ledger entries. Every entry carries the figures
 * after it and the hash of the previous entry. The Idempotency-Keys of the customer's entries are kept in the
 * events and found through the index ({@link IdempotencyKeys}), never held here: a retry answers the key's first
 * outcome, and a key reused for another request is refused.
 */
@Aggregate(cache = LedgerAggregates.CACHE)
public class CustomerLedger {

    @AggregateIdentifier
    private String customerId;
    private String platformId;
    private long balance;
    private long credits;
    private String lastHash;

    protected CustomerLedger() {
    }

    @CommandHandler
    public CustomerLedger(OpenCustomerLedgerCommand command) {
        apply(new CustomerLedgerOpenedEvent(command.customerId(), command.platformId()));
    }

    @CommandHandler
    public CustomerOutcome handle(RefillBalanceCommand command, IdempotencyKeys keys) {
        requireOf(command.platformId());
        Optional<KeyedEntry> retry = keys.retryOf(customerId, command.request(), LedgerOperation.REFILL,
                command.amount(), command.note());
        if (retry.isPresent()) {
            return CustomerOutcome.replayOf(retry.get());
        }
        if (command.amount() > Money.MAX_MINOR_UNITS - balance) {
            throw new InvalidAmountException("balance_too_large", "amount", "The balance would exceed "
                    + Money.format(Money.MAX_MINOR_UNITS, command.currency()) + ".");
        }
        String entryId = UUID.randomUUID().toString();
        apply(LedgerHash.seal(new BalanceRefilledEvent(entryId, customerId, platformId,
                command.currency(), command.amount(), balance + command.amount(), credits, command.note(),
                command.request().idempotencyKey(), command.request().actor(), LedgerTime.now(),
                lastHash, null)));
        return new CustomerOutcome(entryId, command.currency(), balance, credits, null, false);
    }

    @CommandHandler
    public CustomerOutcome handle(DeductBalanceCommand command, IdempotencyKeys keys) {
        requireOf(command.platformId());
        Optional<KeyedEntry> retry = keys.retryOf(customerId, command.request(), LedgerOperation.DEDUCTION,
                command.amount(), command.note());
        if (retry.isPresent()) {
            return CustomerOutcome.replayOf(retry.get());
        }
        if (command.amount() > balance) {
            throw new InsufficientBalanceException(Money.format(balance, command.currency()));
        }
        String entryId = UUID.randomUUID().toString();
        apply(LedgerHash.seal(new BalanceDeductedEvent(entryId, customerId, platformId,
                command.currency(), command.amount(), balance - command.amount(), credits, command.note(),
                command.request().idempotencyKey(), command.request().actor(), LedgerTime.now(),
                lastHash, null)));
        return new CustomerOutcome(entryId, command.currency(), balance, credits, null, false);
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

    /** The customer's credits become {@code target}; the pool already gave or took the difference. */
    public CustomerOutcome setCredits(String entryId, long target, long poolAvailableAfter, String currency,
                                      Request request) {
        apply(LedgerHash.seal(new CustomerCreditsSetEvent(entryId, customerId, platformId, currency, credits, target,
                balance, poolAvailableAfter, request.idempotencyKey(), request.actor(),
                LedgerTime.now(), lastHash, null)));
        return new CustomerOutcome(entryId, currency, balance, credits, poolAvailableAfter, false);
    }

    @EventSourcingHandler
    void on(CustomerLedgerOpenedEvent event) {
        customerId = event.customerId();
        platformId = event.platformId();
    }

    @EventSourcingHandler
    void on(BalanceRefilledEvent event) {
        balance = event.balanceAfter();
        lastHash = event.hash();
    }

    @EventSourcingHandler
    void on(BalanceDeductedEvent event) {
        balance = event.balanceAfter();
        lastHash = event.hash();
    }

    @EventSourcingHandler
    void on(CustomerCreditsSetEvent event) {
        credits = event.creditsAfter();
        lastHash = event.hash();
    }
}
