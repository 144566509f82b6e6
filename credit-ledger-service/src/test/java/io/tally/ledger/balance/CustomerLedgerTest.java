package io.tally.ledger.balance;

import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.money.IdempotencyKeys;
import io.tally.ledger.money.KeyedEntry;
import io.tally.ledger.money.LedgerOperation;
import io.tally.ledger.money.Money;
import io.tally.ledger.money.Request;
import io.tally.ledger.support.StoredIdempotencyKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.tally.ledger.support.Payloads.satisfying;
import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerLedgerTest {

    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String OTHER_PLATFORM = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Request FIRST = new Request("key-1", "admin-1");
    private static final Request SECOND = new Request("key-2", "admin-1");

    private AggregateTestFixture<CustomerLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CustomerLedger.class);
        fixture.registerInjectableResource(new StoredIdempotencyKeys(() -> fixture.getEventStore()));
    }

    private static CustomerLedgerOpenedEvent opened() {
        return new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM);
    }

    private static BalanceRefilledEvent refilled(long amount, String key) {
        return LedgerHash.seal(new BalanceRefilledEvent("e-" + key, CUSTOMER, PLATFORM, "USD", amount, amount, 0,
                "top-up", key, "admin-1", NOW, null, null));
    }

    @Test
    void aCustomerLedgerOpensEmpty() {
        fixture.givenNoPriorActivity()
                .when(new OpenCustomerLedgerCommand(CUSTOMER, PLATFORM))
                .expectEvents(opened());
    }

    @Test
    void aRefillIsAnEntryWithTheFiguresAfterItAndTheChainLink() {
        BalanceRefilledEvent first = refilled(2000, "key-0");
        fixture.given(opened(), first)
                .andGivenCurrentTime(NOW)
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 550, "second top-up", FIRST))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(satisfying(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(BalanceRefilledEvent.class, e -> {
                            assertThat(e.amount()).isEqualTo(550);
                            assertThat(e.balanceAfter()).isEqualTo(2550);
                            assertThat(e.creditsAfter()).isZero();
                            assertThat(e.note()).isEqualTo("second top-up");
                            assertThat(e.idempotencyKey()).isEqualTo("key-1");
                            assertThat(e.actor()).isEqualTo("admin-1");
                            assertThat(e.occurredAt()).isEqualTo(NOW);
                            assertThat(e.previousHash()).isEqualTo(first.hash());
                            assertThat(e.hash()).isEqualTo(LedgerHash.of(e));
                        })));
    }

    @Test
    void aDeductionBeyondTheBalanceIsRefusedAndChangesNothing() {
        fixture.given(opened(), refilled(2000, "key-0"))
                .when(new DeductBalanceCommand(CUSTOMER, PLATFORM, "USD", 2001, null, FIRST))
                .expectException(InsufficientBalanceException.class)
                .expectException(breaking("insufficient_balance", "amount"))
                .expectNoEvents();
    }

    @Test
    void aDeductionDownToZeroIsAllowed() {
        fixture.given(opened(), refilled(2000, "key-0"))
                .when(new DeductBalanceCommand(CUSTOMER, PLATFORM, "USD", 2000, null, FIRST))
                .expectEventsMatching(satisfying(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(BalanceDeductedEvent.class,
                                e -> assertThat(e.balanceAfter()).isZero())));
    }

    @Test
    void aRetryWithTheSameKeyAndRequestAnswersTheFirstOutcomeAndChangesNothing() {
        BalanceRefilledEvent first = refilled(2000, "key-1");
        fixture.given(opened(), first)
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 2000, "top-up", FIRST))
                .expectNoEvents()
                .expectResultMessagePayload(new CustomerOutcome(first.entryId(), "USD", 2000, 0, null, true));
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        fixture.given(opened(), refilled(2000, "key-1"))
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 2001, "top-up", FIRST))
                .expectException(breaking("idempotency_key_reused", "Idempotency-Key"))
                .expectNoEvents();
        fixture.given(opened(), refilled(2000, "key-1"))
                .when(new DeductBalanceCommand(CUSTOMER, PLATFORM, "USD", 2000, "top-up", FIRST))
                .expectException(breaking("idempotency_key_reused", "Idempotency-Key"))
                .expectNoEvents();
        fixture.given(opened(), refilled(2000, "key-1"))
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 2000, "another note", FIRST))
                .expectException(breaking("idempotency_key_reused", "Idempotency-Key"))
                .expectNoEvents();
    }

    @Test
    void anotherPlatformsAdminFindsNoSuchCustomer() {
        fixture.given(opened())
                .when(new RefillBalanceCommand(CUSTOMER, OTHER_PLATFORM, "USD", 100, null, SECOND))
                .expectException(CustomerNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void aBalanceNeverExceedsTheLargestAmount() {
        fixture.given(opened(), refilled(Money.MAX_MINOR_UNITS, "key-0"))
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 1, null, SECOND))
                .expectException(breaking("balance_too_large", "amount"))
                .expectNoEvents();
    }

    @Test
    void onlyTheIndexKnowsTheKeys() {
        KeyedEntry indexed = new KeyedEntry(CUSTOMER, "key-9", LedgerOperation.REFILL, 700, "top-up", "e-9", "USD",
                700L, 0L, null, null);
        AggregateTestFixture<CustomerLedger> indexOnly = new AggregateTestFixture<>(CustomerLedger.class);
        indexOnly.registerInjectableResource((IdempotencyKeys) (stream, key) ->
                stream.equals(CUSTOMER) && key.equals("key-9") ? Optional.of(indexed) : Optional.empty());

        indexOnly.given(opened(), refilled(2000, "key-0"))
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 700, "top-up", new Request("key-9", "a")))
                .expectNoEvents()
                .expectResultMessagePayload(new CustomerOutcome("e-9", "USD", 700, 0, null, true));
        indexOnly.given(opened(), refilled(2000, "key-0"))
                .when(new DeductBalanceCommand(CUSTOMER, PLATFORM, "USD", 700, "top-up", new Request("key-9", "a")))
                .expectException(breaking("idempotency_key_reused", "Idempotency-Key"))
                .expectNoEvents();
        indexOnly.given(opened(), refilled(2000, "key-0"))
                .when(new RefillBalanceCommand(CUSTOMER, PLATFORM, "USD", 2000, "top-up", new Request("key-0", "a")))
                .expectEventsMatching(satisfying(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(BalanceRefilledEvent.class,
                                e -> assertThat(e.balanceAfter()).isEqualTo(4000))));
    }

    @Test
    void aRetriedDeductionAnswersItsFirstOutcome() {
        BalanceDeductedEvent deducted = LedgerHash.seal(new BalanceDeductedEvent("e-d", CUSTOMER, PLATFORM, "USD", 500,
                1500, 0, null, "key-1", "admin-1", NOW, null, null));
        fixture.given(opened(), refilled(2000, "key-0"), deducted, refilled(100, "key-2"))
                .when(new DeductBalanceCommand(CUSTOMER, PLATFORM, "USD", 500, null, FIRST))
                .expectNoEvents()
                .expectResultMessagePayload(new CustomerOutcome("e-d", "USD", 1500, 0, null, true));
    }
}
