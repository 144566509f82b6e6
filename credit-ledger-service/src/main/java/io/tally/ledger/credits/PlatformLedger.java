package io.tally.ledger.credits;

import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.chain.LedgerAggregates;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.chain.LedgerTime;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.KeyedEntry;
import io.tally.ledger.money.LedgerOperation;
import io.tally.ledger.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A platform's shared credit pool: its total, set by the provider, and what is allocated to
 * the platform's customers. It is the single writer of the pool: every credit change of every
 * customer of the platform passes through it in the transaction that changes the customer's
 * credits, so {@code total = available + sum of the customers' credits} holds at every
 * committed instant, and nothing is ever negative. Concurrent changes queue on the aggregate's
 * lock (and, between instances, on its event sequence): one platform's credit changes are
 * serialized, which the benchmark measures as the hot spot. A retried total answers its first
 * outcome from the Idempotency-Key index ({@link IdempotencyKeys}): the pool holds no keys.
 */
@Aggregate(cache = LedgerAggregates.CACHE)
class PlatformLedger {

    @AggregateIdentifier
    private String platformId;
    private String currency;
    private long total;
    private long allocated;
    private String lastHash;

    protected PlatformLedger() {
    }

    @CommandHandler
    public PlatformLedger(OpenPlatformLedgerCommand command) {
        apply(new PlatformLedgerOpenedEvent(command.platformId(), command.currency()));
    }

    @CommandHandler
    public PoolOutcome handle(SetPoolTotalCommand command, IdempotencyKeys keys) {
        Optional<KeyedEntry> retry = keys.retryOf(platformId, command.request(), LedgerOperation.POOL_TOTAL,
                command.total(), null);
        if (retry.isPresent()) {
            return PoolOutcome.replayOf(retry.get());
        }
        if (command.total() < allocated) {
            throw new TotalBelowAllocatedException(Money.format(allocated, currency));
        }
        String entryId = UUID.randomUUID().toString();
        apply(LedgerHash.seal(new PlatformCreditPoolSetEvent(entryId, platformId, currency,
                total, command.total(), allocated, command.total() - allocated, command.request().idempotencyKey(),
                command.request().actor(), LedgerTime.now(), lastHash, null)));
        return new PoolOutcome(entryId, currency, total, allocated, available(), false);
    }

    String currency() {
        return currency;
    }

    long available() {
        return total - allocated;
    }

    /**
     * Gives the customer {@code change} more credits from the pool (or takes them back when
     * negative); returns the pool's available credits after it.
     */
    long allocate(String customerId, long customerCredits, long change, String entryId) {
        if (change > available()) {
            throw new ExceedsPoolAvailableException(Money.format(customerCredits + available(), currency));
        }
        apply(new PoolAllocationChangedEvent(platformId, customerId, entryId, change, allocated + change,
                LedgerTime.now()));
        return available();
    }

    @EventSourcingHandler
    void on(PlatformLedgerOpenedEvent event) {
        platformId = event.platformId();
        currency = event.currency();
    }

    @EventSourcingHandler
    void on(PlatformCreditPoolSetEvent event) {
        total = event.totalAfter();
        lastHash = event.hash();
    }

    @EventSourcingHandler
    void on(PoolAllocationChangedEvent event) {
        allocated = event.allocatedAfter();
    }
}
