package io.tally.ledger.balance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The gates of a refill or deduction before the customer's ledger decides, and the count of each write. */
class BalanceServiceTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final Caller ADMIN = new Caller("admin-1", "PLATFORM_ADMIN", PLATFORM);
    private static final CustomerOutcome APPLIED = new CustomerOutcome("e-1", "USD", 2000, 0, null, false);

    private final Dispatcher dispatcher = mock(Dispatcher.class);
    private final LedgerDirectory directory = mock(LedgerDirectory.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BalanceService balances = new BalanceService(dispatcher, directory, new LedgerMeters(registry));

    @BeforeEach
    void aCustomerOfTheCallersPlatform() {
        when(directory.requireCustomer(PLATFORM, CUSTOMER)).thenReturn(new Customer(CUSTOMER, PLATFORM, "JPY"));
    }

    private static AmountRequest amount(String amount, String note) {
        return new AmountRequest(JsonNodeFactory.instance.textNode(amount), note);
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
    void aRefillGoesToTheCustomersLedgerInThePlatformsCurrencyAndIsCounted() {
        when(dispatcher.<CustomerOutcome>send(any(), eq(ADMIN))).thenReturn(APPLIED);

        assertThat(balances.refill(ADMIN, CUSTOMER, "key-1", amount("1500", " top-up "))).isEqualTo(APPLIED);

        verify(dispatcher).send(new RefillBalanceCommand(CUSTOMER, PLATFORM, "JPY", 1500, "top-up",
                new Request("key-1", "admin-1")), ADMIN);
        assertThat(writes("refill", "applied")).isEqualTo(1);
    }

    @Test
    void aDeductionGoesToTheCustomersLedgerAndARetryIsCountedAsReplayed() {
        when(dispatcher.<CustomerOutcome>send(any(), eq(ADMIN)))
                .thenReturn(new CustomerOutcome("e-1", "JPY", 0, 0, null, true));

        assertThat(balances.deduct(ADMIN, CUSTOMER, "key-2", amount("7", null)).replayed()).isTrue();

        verify(dispatcher).send(new DeductBalanceCommand(CUSTOMER, PLATFORM, "JPY", 7, null,
                new Request("key-2", "admin-1")), ADMIN);
        assertThat(writes("deduction", "replayed")).isEqualTo(1);
    }

    @Test
    void anotherPlatformsOrAnUnknownCustomerIsNotFoundBeforeAnyCommand() {
        String stranger = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b";
        when(directory.requireCustomer(PLATFORM, stranger)).thenThrow(new CustomerNotFoundException(stranger));

        assertRefused(() -> balances.refill(ADMIN, stranger, "key-1", amount("5", null)), "customer_not_found",
                null);
        verifyNoInteractions(dispatcher);
    }

    @Test
    void aWriteWithoutAUsableKeyOrAmountIsRefusedBeforeAnyCommandAndNotCounted() {
        assertRefused(() -> balances.refill(ADMIN, CUSTOMER, null, amount("5", null)), "idempotency_key_required",
                "Idempotency-Key");
        assertRefused(() -> balances.deduct(ADMIN, CUSTOMER, "k".repeat(256), amount("5", null)),
                "idempotency_key_too_long", "Idempotency-Key");
        assertRefused(() -> balances.refill(ADMIN, CUSTOMER, "key-1",
                new AmountRequest(JsonNodeFactory.instance.numberNode(5), null)), "amount_not_a_string", "amount");
        assertRefused(() -> balances.refill(ADMIN, CUSTOMER, "key-1", amount("0", null)), "amount_not_positive",
                "amount");
        assertRefused(() -> balances.deduct(ADMIN, CUSTOMER, "key-1", amount("5.5", null)), "amount_too_precise",
                "amount");
        assertRefused(() -> balances.refill(ADMIN, CUSTOMER, "key-1", amount("5", "n".repeat(501))),
                "note_too_long", "note");
        verifyNoInteractions(dispatcher);
        assertThat(registry.find("tally.ledger.writes").counters()).isEmpty();
    }

    @Test
    void aRefusalOfTheLedgerIsCountedByItsRule() {
        when(dispatcher.<CustomerOutcome>send(any(), eq(ADMIN))).thenThrow(new InsufficientBalanceException("0"));

        assertRefused(() -> balances.deduct(ADMIN, CUSTOMER, "key-1", amount("5", null)), "insufficient_balance",
                "amount");
        assertThat(writes("deduction", "insufficient_balance")).isEqualTo(1);
    }

    @Test
    void aCustomerWhoseLedgerIsNotOpenIsNotFound() {
        when(dispatcher.<CustomerOutcome>send(any(), eq(ADMIN)))
                .thenThrow(new AggregateNotFoundException(CUSTOMER, "no such ledger"));

        assertRefused(() -> balances.refill(ADMIN, CUSTOMER, "key-1", amount("5", null)), "customer_not_found",
                null);
    }
}
