package io.tally.ledger.audit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.PlatformCreditPoolSetEvent;
import io.tally.ledger.audit.LedgerAudit.CustomerAsOf;
import io.tally.ledger.audit.LedgerAudit.PoolAsOf;
import io.tally.ledger.audit.LedgerAudit.Verification;
import io.tally.ledger.balance.CustomerLedgerOpenedEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.credits.PlatformLedgerOpenedEvent;
import io.tally.ledger.credits.PoolAllocationChangedEvent;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The auditors' questions on an in-memory event store: whose, as of when, and which rule a chain breaks. */
class LedgerAuditTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final Caller ADMIN = new Caller("admin-1", "PLATFORM_ADMIN", PLATFORM);
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant FIRST = NOW.minusSeconds(3600);
    private static final Instant SECOND = NOW.minusSeconds(1800);

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final LedgerDirectory directory = mock(LedgerDirectory.class);
    private final LedgerAudit audit = new LedgerAudit(store, directory, Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());

    @BeforeEach
    void aCustomerOfThePlatform() {
        when(directory.requireCustomerOf(PLATFORM, CUSTOMER)).thenReturn(CUSTOMER);
        when(directory.currencyOf(PLATFORM)).thenReturn(Optional.of("USD"));
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

    private static BalanceRefilledEvent refill(String entryId, long amount, long balanceAfter, Instant at,
                                               String previousHash) {
        return LedgerHash.seal(new BalanceRefilledEvent(entryId, CUSTOMER, PLATFORM, "USD", amount, balanceAfter, 0,
                null, "key-" + entryId, "admin-1", at, previousHash, null));
    }

    private static BalanceDeductedEvent deduction(String entryId, long amount, long balanceAfter, Instant at,
                                                  String previousHash) {
        return LedgerHash.seal(new BalanceDeductedEvent(entryId, CUSTOMER, PLATFORM, "USD", amount, balanceAfter, 0,
                null, "key-" + entryId, "admin-1", at, previousHash, null));
    }

    private static void assertBad(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadRequestException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.rule()).isEqualTo(rule);
        });
    }

    private static void assertNotFound(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }

    @Test
    void aCustomersFiguresAsOfAnInstantAreThoseAfterTheLastEntryMadeAtOrBeforeIt() {
        BalanceRefilledEvent first = refill("e-1", 1000, 1000, FIRST, null);
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM), first,
                deduction("e-2", 300, 700, SECOND, first.hash()));

        CustomerAsOf between = audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", SECOND.minusNanos(1000).toString()));
        assertThat(between).isEqualTo(new CustomerAsOf(CUSTOMER, SECOND.minusNanos(1000), "USD", 1000, 0, 1, "e-1",
                FIRST));
        assertThat(audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", SECOND.toString())).balance()).isEqualTo(700);
        assertThat(audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", FIRST.minusSeconds(1).toString())).entries())
                .isZero();
    }

    @Test
    void aPoolsFiguresAsOfAnInstantFollowItsTotalsAndAllocations() {
        given("PlatformLedger", PLATFORM, new PlatformLedgerOpenedEvent(PLATFORM, "USD"),
                LedgerHash.seal(new PlatformCreditPoolSetEvent("p-1", PLATFORM, "USD", 0, 5000, 0, 5000, "pool-1",
                        "provider", FIRST, null, null)),
                new PoolAllocationChangedEvent(PLATFORM, CUSTOMER, "e-3", 1200, 1200, SECOND));

        assertThat(audit.poolAsOf(ADMIN, Map.of("at", FIRST.toString())))
                .isEqualTo(new PoolAsOf(PLATFORM, FIRST, "USD", 5000, 0));
        assertThat(audit.poolAsOf(ADMIN, Map.of("at", NOW.toString())).allocated()).isEqualTo(1200);
    }

    @Test
    void theInstantIsRequiredAnInstantAndNotInTheFuture() {
        assertBad(() -> audit.customerAsOf(ADMIN, CUSTOMER, Map.of()), "at", "required");
        assertBad(() -> audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", "yesterday")), "at", "instant");
        assertBad(() -> audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", NOW.plusNanos(1000).toString())), "at",
                "not_in_future");
        assertBad(() -> audit.poolAsOf(ADMIN, Map.of("at", NOW.plusSeconds(60).toString())), "at", "not_in_future");
        assertBad(() -> audit.poolAsOf(ADMIN, Map.of("at", NOW.toString(), "verbose", "true")), "verbose",
                "unknown_parameter");
        assertThat(audit.customerAsOf(ADMIN, CUSTOMER, Map.of("at", NOW.toString())).at()).isEqualTo(NOW);
    }

    @Test
    void anotherPlatformsCustomerOrAnUnknownPlatformIsNotFound() {
        Caller elsewhere = new Caller("admin-2", "PLATFORM_ADMIN", "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b");
        when(directory.requireCustomerOf(elsewhere.platformId(), CUSTOMER))
                .thenThrow(new CustomerNotFoundException(CUSTOMER));
        when(directory.currencyOf(elsewhere.platformId())).thenReturn(Optional.empty());
        Caller withoutPlatform = new Caller("provider", "PROVIDER", null);

        assertNotFound(() -> audit.customerAsOf(elsewhere, CUSTOMER, Map.of("at", NOW.toString())),
                "customer_not_found");
        assertNotFound(() -> audit.verifyCustomer(elsewhere, CUSTOMER), "customer_not_found");
        assertNotFound(() -> audit.poolAsOf(elsewhere, Map.of("at", NOW.toString())), "platform_not_found");
        assertNotFound(() -> audit.verifyPool(elsewhere), "platform_not_found");
        assertNotFound(() -> audit.verifyPool(withoutPlatform), "platform_not_found");
    }

    @Test
    void anIntactChainVerifiesWithItsHeadAndTheInstantOfTheVerification() {
        BalanceRefilledEvent first = refill("e-1", 1000, 1000, FIRST, null);
        BalanceDeductedEvent second = deduction("e-2", 300, 700, SECOND, first.hash());
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM), first, second);

        Verification verification = audit.verifyCustomer(ADMIN, CUSTOMER);

        assertThat(verification).isEqualTo(new Verification("customer:" + CUSTOMER, 2, second.hash(), null, NOW));
        assertThat(verification.ok()).isTrue();
    }

    @Test
    void anEntryWhoseFiguresDoNotFollowIsNamedEvenWhenItsHashHolds() {
        BalanceRefilledEvent first = refill("e-1", 1000, 1000, FIRST, null);
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM), first,
                deduction("e-2", 300, 900, SECOND, first.hash()));

        Verification verification = audit.verifyCustomer(ADMIN, CUSTOMER);

        assertThat(verification.ok()).isFalse();
        assertThat(verification.entries()).isEqualTo(1);
        assertThat(verification.firstBroken().sequence()).isEqualTo(2);
        assertThat(verification.firstBroken().entryId()).isEqualTo("e-2");
        assertThat(verification.firstBroken().rule()).isEqualTo("figures_inconsistent");
    }

    @Test
    void anEntryNotCarryingThePreviousHashIsNamed() {
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM),
                refill("e-1", 1000, 1000, FIRST, null), refill("e-2", 500, 1500, SECOND, null));

        Verification verification = audit.verifyCustomer(ADMIN, CUSTOMER);

        assertThat(verification.firstBroken().rule()).isEqualTo("previous_hash_mismatch");
        assertThat(verification.firstBroken().sequence()).isEqualTo(2);
    }

    @Test
    void anAlteredOrAMissingEntryIsNamed() {
        BalanceRefilledEvent first = refill("e-1", 1000, 1000, FIRST, null);
        BalanceRefilledEvent altered = new BalanceRefilledEvent("e-1", CUSTOMER, PLATFORM, "USD", 100_000, 100_000, 0,
                null, "key-e-1", "admin-1", FIRST, null, first.hash());
        given("CustomerLedger", CUSTOMER, new CustomerLedgerOpenedEvent(CUSTOMER, PLATFORM), altered);
        String gapped = "0f1e2d3c-4b5a-4968-8776-655443322110";
        when(directory.requireCustomerOf(PLATFORM, gapped)).thenReturn(gapped);
        store.publish(new GenericDomainEventMessage<>("CustomerLedger", gapped, 0,
                new CustomerLedgerOpenedEvent(gapped, PLATFORM)));
        store.publish(new GenericDomainEventMessage<>("CustomerLedger", gapped, 2, first));

        assertThat(audit.verifyCustomer(ADMIN, CUSTOMER).firstBroken().rule()).isEqualTo("hash_mismatch");
        Verification gap = audit.verifyCustomer(ADMIN, gapped);
        assertThat(gap.firstBroken().rule()).isEqualTo("missing_entry");
        assertThat(gap.firstBroken().sequence()).isEqualTo(1);
    }

    @Test
    void aPoolAllocatingMoreThanItsTotalIsNamed() {
        given("PlatformLedger", PLATFORM, new PlatformLedgerOpenedEvent(PLATFORM, "USD"),
                LedgerHash.seal(new PlatformCreditPoolSetEvent("p-1", PLATFORM, "USD", 0, 1000, 0, 1000, "pool-1",
                        "provider", FIRST, null, null)),
                new PoolAllocationChangedEvent(PLATFORM, CUSTOMER, "e-3", 1001, 1001, SECOND));

        Verification verification = audit.verifyPool(ADMIN);

        assertThat(verification.chain()).isEqualTo("credit-pool:" + PLATFORM);
        assertThat(verification.firstBroken().rule()).isEqualTo("figures_inconsistent");
        assertThat(verification.firstBroken().sequence()).isEqualTo(2);
    }
}
