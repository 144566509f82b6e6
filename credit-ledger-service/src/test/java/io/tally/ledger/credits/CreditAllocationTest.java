package io.tally.ledger.credits;

import io.tally.contracts.ledger.CustomerCreditsSetEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.balance.CustomerLedger;
import io.tally.ledger.balance.CustomerLedgerOpenedEvent;
import io.tally.ledger.balance.CustomerOutcome;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.money.Request;
import io.tally.ledger.support.StoredIdempotencyKeys;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Setting a customer's credits changes the customer's ledger and the platform's pool in one unit of work: the
 * real aggregates on an in-memory event store, given their stored events; a refusal appends nothing to either.
 */
class CreditAllocationTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String OTHER_PLATFORM = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final String NEIGHBOUR = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CreditAllocation allocation = new CreditAllocation(
            EventSourcingRepository.builder(CustomerLedger.class).eventStore(store).build(),
            EventSourcingRepository.builder(PlatformLedger.class).eventStore(store).build(),
            new StoredIdempotencyKeys(() -> store));

    @BeforeEach
    void aPoolOf70WithAllocated20ToANeighbourAndACustomerWithout() {
        given("PlatformLedger", PLATFORM, new PlatformLedgerOpenedEvent(PLATFORM, "USD"),
                LedgerHash.seal(new PlatformCreditPoolSetEvent("e-pool", PLATFORM, "USD", 0, 7000, 0, 7000, "pool-0",
                        "provider", NOW, null, null)),
                new PoolAllocationChangedEvent(PLATFORM, NEIGHBOUR, "e-neighbour", 2000, 2000, NOW));
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM));
    }

    @AfterEach
    void stop() {
        store.shutDown();
    }

    private void given(String type, String aggregateId, Object... events) {
        for (int i = 0; i < events.length; i++) {
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, i, events[i]));
        }
    }

    private List<Object> stream(String aggregateId) {
        return store.readEvents(aggregateId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    private CustomerOutcome set(String customerId, String platformId, long credits, String key) {
        SetCreditsCommand command = new SetCreditsCommand(customerId, platformId, credits, new Request(key, "admin-1"));
        ResultMessage<CustomerOutcome> result = DefaultUnitOfWork.startAndGet(null)
                .executeWithResult(() -> allocation.handle(command));
        if (result.isExceptional()) {
            throw (RuntimeException) result.exceptionResult();
        }
        return result.getPayload();
    }

    private void assertRefusedChangingNothing(ThrowingCallable call, String code, String field) {
        int customerEntries = stream(CUSTOMER).size();
        int poolEntries = stream(PLATFORM).size();
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
        assertThat(stream(CUSTOMER)).hasSize(customerEntries);
        assertThat(stream(PLATFORM)).hasSize(poolEntries);
    }

    @Test
    void theCustomerGetsCreditsFromThePoolInOneEntryOfEachChain() {
        CustomerOutcome outcome = set(CUSTOMER, PLATFORM, 3000, "credits-1");

        assertThat(outcome.credits()).isEqualTo(3000);
        assertThat(outcome.poolAvailable()).isEqualTo(2000);
        assertThat(outcome.replayed()).isFalse();
        assertThat(stream(CUSTOMER).get(1)).isInstanceOfSatisfying(CustomerCreditsSetEvent.class, set -> {
            assertThat(set.creditsBefore()).isZero();
            assertThat(set.creditsAfter()).isEqualTo(3000);
            assertThat(set.poolAvailableAfter()).isEqualTo(2000);
            assertThat(set.entryId()).isEqualTo(outcome.entryId());
            assertThat(set.hash()).isEqualTo(LedgerHash.of(set));
        });
        assertThat(stream(PLATFORM).get(3)).isInstanceOfSatisfying(PoolAllocationChangedEvent.class, change -> {
            assertThat(change.customerId()).isEqualTo(CUSTOMER);
            assertThat(change.entryId()).isEqualTo(outcome.entryId());
            assertThat(change.change()).isEqualTo(3000);
            assertThat(change.allocatedAfter()).isEqualTo(5000);
        });
    }

    @Test
    void loweringTheCreditsGivesTheDifferenceBackToThePool() {
        set(CUSTOMER, PLATFORM, 3000, "credits-1");

        CustomerOutcome lowered = set(CUSTOMER, PLATFORM, 500, "credits-2");

        assertThat(lowered.poolAvailable()).isEqualTo(4500);
        assertThat(stream(PLATFORM).get(4)).isInstanceOfSatisfying(PoolAllocationChangedEvent.class, change -> {
            assertThat(change.change()).isEqualTo(-2500);
            assertThat(change.allocatedAfter()).isEqualTo(2500);
        });
    }

    @Test
    void aCustomerCannotGetMoreThanTheirCreditsPlusThePoolsAvailable() {
        set(CUSTOMER, PLATFORM, 1000, "credits-1");

        assertRefusedChangingNothing(() -> set(CUSTOMER, PLATFORM, 5001, "credits-2"), "exceeds_pool_available",
                "amount");
        assertThatThrownBy(() -> set(CUSTOMER, PLATFORM, 5001, "credits-3")).hasMessageContaining("at most 50.00");
        assertThat(set(CUSTOMER, PLATFORM, 5000, "credits-4").poolAvailable()).isZero();
    }

    @Test
    void aRetryAnswersTheFirstOutcomeAndAReusedKeyIsRefused() {
        CustomerOutcome first = set(CUSTOMER, PLATFORM, 3000, "credits-1");
        int entries = stream(CUSTOMER).size();

        CustomerOutcome retry = set(CUSTOMER, PLATFORM, 3000, "credits-1");

        assertThat(retry).isEqualTo(new CustomerOutcome(first.entryId(), "USD", 0, 3000, 2000L, true));
        assertThat(stream(CUSTOMER)).hasSize(entries);
        assertRefusedChangingNothing(() -> set(CUSTOMER, PLATFORM, 3001, "credits-1"), "idempotency_key_reused",
                "Idempotency-Key");
    }

    @Test
    void anotherPlatformsOrAnUnknownCustomerIsNotFound() {
        given("PlatformLedger", OTHER_PLATFORM, new PlatformLedgerOpenedEvent(OTHER_PLATFORM, "USD"));

        assertRefusedChangingNothing(() -> set(CUSTOMER, OTHER_PLATFORM, 100, "credits-1"), "customer_not_found",
                null);
        assertRefusedChangingNothing(() -> set(NEIGHBOUR, PLATFORM, 100, "credits-2"), "customer_not_found", null);
    }

    @Test
    void aCustomerOfAPlatformWhosePoolIsNotOpenFindsNoPlatform() {
        String orphan = "11111111-2222-4333-8444-555555555555";
        given("CustomerLedger", orphan, new CustomerLedgerOpenedEvent(orphan, OTHER_PLATFORM));

        assertRefusedChangingNothing(() -> set(orphan, OTHER_PLATFORM, 100, "credits-1"), "platform_not_found",
                null);
        assertThat(stream(orphan)).hasSize(1);
    }
}
