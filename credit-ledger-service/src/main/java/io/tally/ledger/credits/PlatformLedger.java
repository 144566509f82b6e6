package io.tally.ledger.credits;

import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.chain.LedgerAggregates;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.chain.LedgerTime;
import io.tally.ledger.money.IdempotencyKeyReusedException;
import io.tally.ledger.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A platform's shared credit pool: its total, set by the provider, and what is allocated to
 * the platform's customers. It is the single writer of the pool: every credit change of every
 * customer of the platform passes through it in the transaction that changes the customer's
 * credits, so {@code total = available + sum of the customers' credits} holds at every
 * committed instant, and nothing is ever negative. Concurrent changes queue on the aggregate's
 * lock (and, between instances, on its event sequence): one platform's credit changes are
 * serialized, which the benchmark measures as the hot spot.
 */
@Aggregate(cache = LedgerAggregates.CACHE)
class PlatformLedger {

    @AggregateIdentifier
    private String platformId;
    private String currency;
    private long total;
    private long allocated;
    private String lastHash;
    private final Map<String, Long> totalsByKey = new HashMap<>();
    private final Map<String, PoolOutcome> outcomesByKey = new HashMap<>();

    protected PlatformLedger() {
    }

    @CommandHandler
    public PlatformLedger(OpenPlatformLedgerCommand command) {
        apply(new PlatformLedgerOpenedEvent(command.platformId(), command.currency()));
    }

    @CommandHandler
    public PoolOutcome handle(SetPoolTotalCommand command) {
        String key = command.request().idempotencyKey();
        if (totalsByKey.containsKey(key)) {
            if (totalsByKey.get(key) != command.total()) {
                throw new IdempotencyKeyReusedException();
            }
            return outcomesByKey.get(key).asReplay();
        }
        if (command.total() < allocated) {
            throw new TotalBelowAllocatedException(Money.format(allocated, currency));
        }
        apply(LedgerHash.seal(new PlatformCreditPoolSetEvent(UUID.randomUUID().toString(), platformId, currency,
                total, command.total(), allocated, command.total() - allocated, key, command.request().actor(),
                LedgerTime.now(), lastHash, null)));
        return outcomesByKey.get(key);
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
        totalsByKey.put(event.idempotencyKey(), event.totalAfter());
        outcomesByKey.put(event.idempotencyKey(), new PoolOutcome(event.entryId(), currency, event.totalAfter(),
                event.allocated(), event.availableAfter(), false));
    }

    @EventSourcingHandler
    void on(PoolAllocationChangedEvent event) {
        allocated = event.allocatedAfter();
    }
}
