package io.tally.ledger.support;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.KeyedEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The Idempotency-Key index of a test without a database: the keys of the entries in the test's event store (a
 * fixture's given events and what its commands applied), read from the stream at each question. The first entry
 * of a key answers, as in the real index.
 */
public final class StoredIdempotencyKeys implements IdempotencyKeys {

    private final Supplier<EventStore> store;

    public StoredIdempotencyKeys(Supplier<EventStore> store) {
        this.store = store;
    }

    @Override
    public Optional<KeyedEntry> find(String streamId, String idempotencyKey) {
        return store.get().readEvents(streamId).asStream()
                .map(DomainEventMessage::getPayload)
                .flatMap(StoredIdempotencyKeys::keyed)
                .filter(entry -> entry.idempotencyKey().equals(idempotencyKey))
                .findFirst();
    }

    private static Stream<KeyedEntry> keyed(Object event) {
        if (event instanceof BalanceRefilledEvent refilled) {
            return Stream.of(KeyedEntry.of(refilled));
        }
        if (event instanceof BalanceDeductedEvent deducted) {
            return Stream.of(KeyedEntry.of(deducted));
        }
        if (event instanceof CustomerCreditsSetEvent set) {
            return Stream.of(KeyedEntry.of(set));
        }
        if (event instanceof PlatformCreditPoolSetEvent set) {
            return Stream.of(KeyedEntry.of(set));
        }
        return Stream.empty();
    }
}
