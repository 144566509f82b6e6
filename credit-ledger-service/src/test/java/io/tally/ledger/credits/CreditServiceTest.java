package io.tally.ledger.credits;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.ledger.balance.CustomerOutcome;
import io.tally.ledger.credits.CreditPoolProjection.CreditPool;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.ledger.directory.LedgerDirectory.Customer;
import io.tally.ledger.money.AmountRequest;
import io.tally.ledger.money.LedgerMeters;
import io.tally.ledger.money.Request;
import io.tally.service.web.Caller;
import io.tally.service.web.Dispatcher;
import io.tally.service.web.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The gates of the pools' use cases before the aggregates decide, and the count of each write. */
class CreditServiceTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final Caller PROVIDER = new Caller("provider", "PROVIDER", null);
    private static final Caller ADMIN = new Caller("admin-1", "PLATFORM_ADMIN", PLATFORM);

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final LedgerDirectory directory = mock(LedgerDirectory.class);
    private final CreditPoolProjection pools = mock(CreditPoolProjection.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CreditService credits = new CreditService(dispatcher, directory, pools, new LedgerMeters(registry));

    private static TotalRequest total(String total) {
        return new TotalRequest(JsonNodeFactory.instance.textNode(total));
    }

    private static AmountRequest amount(String amount) {
        return new AmountRequest(JsonNodeFactory.instance.textNode(amount), "ignored");
    }

    private double writes(String operation, String outcome) {
        Counter counter = registry.find("tally.ledger.writes").tag("operation", operation).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void assertRefused(ThrowingCallable call, String code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, refused -> {
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.field()).isEqualTo(field);
        });
    }

    @Test
    void theProviderSetsAKnownPlatformsTotalInItsCurrencyByTheCanonicalId() {
        when(directory.currencyOf(PLATFORM)).thenReturn(Optional.of("USD"));
        PoolOutcome applied = new PoolOutcome("e-1", "USD", 7000, 0, 7000, false);
        when(dispatcher.<PoolOutcome>send(any(), eq(PROVIDER))).thenReturn(applied);

        assertThat(credits.setPoolTotal(PROVIDER, PLATFORM.toUpperCase(), "pool-1", total("70.00")))
                .isEqualTo(applied);

        verify(dispatcher).send(new SetPoolTotalCommand(PLATFORM, 7000, new Request("pool-1", "provider")),
                PROVIDER);
        assertThat(writes("pool_total", "applied")).isEqualTo(1);
    }

    @Test
    void aMalformedOrUnknownPlatformIsNotFoundBeforeAnyCommand() {
        assertRefused(() -> credits.setPoolTotal(PROVIDER, "not-an-id", "pool-1", total("1.00")),
                "platform_not_found", null);
        verifyNoInteractions(directory);
        when(directory.currencyOf(PLATFORM)).thenReturn(Optional.empty());
        assertRefused(() -> credits.setPoolTotal(PROVIDER, PLATFORM, "pool-1", total("1.00")),
                "platform_not_found", null);
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aTotalIsANonNegativeDecimalStringWithAKeyRefusedBeforeAnyCommandAndNotCounted() {
        when(directory.currencyOf(PLATFORM)).thenReturn(Optional.of("USD"));

        assertRefused(() -> credits.setPoolTotal(PROVIDER, PLATFORM, "pool-1", total("-1.00")),
                "amount_not_positive", "total");
        assertRefused(() -> credits.setPoolTotal(PROVIDER, PLATFORM, "pool-1",
                new TotalRequest(JsonNodeFactory.instance.numberNode(1))), "amount_not_a_string", "total");
        assertRefused(() -> credits.setPoolTotal(PROVIDER, PLATFORM, "", total("1.00")), "idempotency_key_required",
                "Idempotency-Key");
        verifyNoInteractions(dispatcher);
        assertThat(registry.find("tally.ledger.writes").counters()).isEmpty();
    }

    @Test
    void aPlatformWhoseLedgerIsNotOpenIsNotFound() {
        when(directory.currencyOf(PLATFORM)).thenReturn(Optional.of("USD"));
        when(dispatcher.<PoolOutcome>send(any(), eq(PROVIDER)))
                .thenThrow(new AggregateNotFoundException(PLATFORM, "no such ledger"));

        assertRefused(() -> credits.setPoolTotal(PROVIDER, PLATFORM, "pool-1", total("1.00")), "platform_not_found",
                null);
    }

    @Test
    void anAdminSetsTheCreditsOfACustomerOfThePlatformAndARefusalIsCountedByItsRule() {
        when(directory.requireCustomer(PLATFORM, CUSTOMER)).thenReturn(new Customer(CUSTOMER, PLATFORM, "USD"));
        CustomerOutcome applied = new CustomerOutcome("e-2", "USD", 0, 0, 7000L, false);
        when(dispatcher.<CustomerOutcome>send(any(), eq(ADMIN))).thenReturn(applied)
                .thenThrow(new ExceedsPoolAvailableException("70.00"));

        assertThat(credits.setCredits(ADMIN, CUSTOMER, "credits-1", amount("0.00"))).isEqualTo(applied);
        verify(dispatcher).send(new SetCreditsCommand(CUSTOMER, PLATFORM, 0, new Request("credits-1", "admin-1")),
                ADMIN);
        assertRefused(() -> credits.setCredits(ADMIN, CUSTOMER, "credits-2", amount("70.01")),
                "exceeds_pool_available", "amount");

        assertThat(writes("credits", "applied")).isEqualTo(1);
        assertThat(writes("credits", "exceeds_pool_available")).isEqualTo(1);
    }

    @Test
    void anotherPlatformsCustomerAndAKeylessOrNegativeChangeAreRefusedBeforeAnyCommand() {
        String stranger = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
        when(directory.requireCustomer(PLATFORM, stranger)).thenThrow(new CustomerNotFoundException(stranger));
        when(directory.requireCustomer(PLATFORM, CUSTOMER)).thenReturn(new Customer(CUSTOMER, PLATFORM, "USD"));

        assertRefused(() -> credits.setCredits(ADMIN, stranger, "credits-1", amount("1.00")), "customer_not_found",
                null);
        assertRefused(() -> credits.setCredits(ADMIN, CUSTOMER, null, amount("1.00")), "idempotency_key_required",
                "Idempotency-Key");
        assertRefused(() -> credits.setCredits(ADMIN, CUSTOMER, "credits-1", amount("-1.00")),
                "amount_not_positive", "amount");
        verifyNoInteractions(dispatcher);
    }

    @Test
    void anAdminReadsTheirPlatformsPoolAndAnUnknownOneIsNotFound() {
        when(pools.find(PLATFORM)).thenReturn(Optional.of(new CreditPool("USD", 7000, 2000)));
        assertThat(credits.pool(ADMIN)).isEqualTo(new CreditPool("USD", 7000, 2000));

        Caller elsewhere = new Caller("admin-2", "PLATFORM_ADMIN", "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b");
        when(pools.find(elsewhere.platformId())).thenReturn(Optional.empty());
        assertRefused(() -> credits.pool(elsewhere), "platform_not_found", null);
    }
}
