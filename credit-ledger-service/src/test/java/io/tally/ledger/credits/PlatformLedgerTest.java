package io.tally.ledger.credits;

import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.money.Request;
import io.tally.ledger.support.StoredIdempotencyKeys;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tally.ledger.support.Payloads.satisfying;
import static io.tally.testsupport.RejectionMatcher.breaking;
import static org.assertj.core.api.Assertions.assertThat;

class PlatformLedgerTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Request PROVIDER = new Request("pool-1", "provider");

    private AggregateTestFixture<PlatformLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PlatformLedger.class);
        fixture.registerInjectableResource(new StoredIdempotencyKeys(() -> fixture.getEventStore()));
    }

    private static PlatformCreditPoolSetEvent totalSet(long total, String key) {
        return LedgerHash.seal(new PlatformCreditPoolSetEvent("e-" + key, PLATFORM, "USD", 0, total, 0, total, key,
                "provider", NOW, null, null));
    }

    @Test
    void aPlatformLedgerOpensInItsCurrency() {
        fixture.givenNoPriorActivity()
                .when(new OpenPlatformLedgerCommand(PLATFORM, "EUR"))
                .expectEvents(new PlatformLedgerOpenedEvent(PLATFORM, "EUR"));
    }

    @Test
    void theProviderSetsTheTotalAndTheEntryCarriesTheFiguresAndTheChainLink() {
        PlatformCreditPoolSetEvent first = totalSet(7000, "pool-0");
        fixture.given(new PlatformLedgerOpenedEvent(PLATFORM, "USD"), first,
                        new PoolAllocationChangedEvent(PLATFORM, "c1", "e-c1", 2000, 2000, NOW))
                .andGivenCurrentTime(NOW)
                .when(new SetPoolTotalCommand(PLATFORM, 9000, PROVIDER))
                .expectEventsMatching(satisfying(events -> assertThat(events).singleElement()
                        .isInstanceOfSatisfying(PlatformCreditPoolSetEvent.class, e -> {
                            assertThat(e.totalBefore()).isEqualTo(7000);
                            assertThat(e.totalAfter()).isEqualTo(9000);
                            assertThat(e.allocated()).isEqualTo(2000);
                            assertThat(e.availableAfter()).isEqualTo(7000);
                            assertThat(e.previousHash()).isEqualTo(first.hash());
                            assertThat(e.hash()).isEqualTo(LedgerHash.of(e));
                        })));
    }

    @Test
    void theTotalCannotGoBelowWhatIsAllocated() {
        fixture.given(new PlatformLedgerOpenedEvent(PLATFORM, "USD"), totalSet(7000, "pool-0"),
                        new PoolAllocationChangedEvent(PLATFORM, "c1", "e-c1", 2000, 2000, NOW))
                .when(new SetPoolTotalCommand(PLATFORM, 1999, PROVIDER))
                .expectException(breaking("total_below_allocated", "total"))
                .expectNoEvents();
        fixture.given(new PlatformLedgerOpenedEvent(PLATFORM, "USD"), totalSet(7000, "pool-0"),
                        new PoolAllocationChangedEvent(PLATFORM, "c1", "e-c1", 2000, 2000, NOW))
                .when(new SetPoolTotalCommand(PLATFORM, 2000, PROVIDER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRetriedTotalAnswersTheFirstOutcomeAndAReusedKeyIsRefused() {
        PlatformCreditPoolSetEvent first = totalSet(7000, "pool-1");
        fixture.given(new PlatformLedgerOpenedEvent(PLATFORM, "USD"), first)
                .when(new SetPoolTotalCommand(PLATFORM, 7000, PROVIDER))
                .expectNoEvents()
                .expectResultMessagePayload(new PoolOutcome(first.entryId(), "USD", 7000, 0, 7000, true));
        fixture.given(new PlatformLedgerOpenedEvent(PLATFORM, "USD"), first)
                .when(new SetPoolTotalCommand(PLATFORM, 8000, PROVIDER))
                .expectException(breaking("idempotency_key_reused", "Idempotency-Key"))
                .expectNoEvents();
    }
}
