package io.tally.ledger.billing;

import io.tally.ledger.billing.BillingDetailsService.Export;
import io.tally.ledger.billing.BillingDetailsService.Listing;
import io.tally.ledger.billing.BillingEntries.BillingEntry;
import io.tally.ledger.billing.BillingEntries.Filter;
import io.tally.ledger.billing.BillingEntries.Page;
import io.tally.ledger.directory.CustomerNotFoundException;
import io.tally.ledger.directory.LedgerDirectory;
import io.tally.service.web.BadRequestException;
import io.tally.service.web.Caller;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** Whose billing details a caller reads, which entries the parameters select, and what each reader sees. */
class BillingDetailsServiceTest {

    private static final String PLATFORM = "5b0f8a34-2c1e-4d7a-9f3b-7e2a1c9d4f60";
    private static final String CUSTOMER = "c7d2e4f1-8a3b-4c5d-9e6f-0a1b2c3d4e5f";
    private static final Caller ADMIN = new Caller("admin-1", "PLATFORM_ADMIN", PLATFORM);
    private static final Caller THE_CUSTOMER = new Caller(CUSTOMER, "CUSTOMER", PLATFORM);
    private static final Instant AT = Instant.parse("2025-03-01T10:00:00Z");
    private static final BillingEntry ENTRY = new BillingEntry("e-1", 7, AT, BillingEntryType.REFILL, 2000, "USD",
            2000, 0, "admin-1", "top-up", "corr-1");

    private final BillingEntries entries = mock(BillingEntries.class);
    private final LedgerDirectory directory = mock(LedgerDirectory.class);
    private final BillingDetailsService billing = new BillingDetailsService(entries, directory);

    @BeforeEach
    void aCustomerOfThePlatformWithOneEntry() {
        when(directory.requireCustomerOf(PLATFORM, CUSTOMER)).thenReturn(CUSTOMER);
        when(entries.page(any(), anyInt())).thenReturn(new Page(List.of(ENTRY), null));
    }

    private static void assertBad(ThrowingCallable call, String field, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadRequestException.class, refused -> {
            assertThat(refused.field()).isEqualTo(field);
            assertThat(refused.rule()).isEqualTo(rule);
        });
    }

    private Listing page(Map<String, String> parameters) {
        return billing.customerPage(ADMIN, CUSTOMER, parameters);
    }

    @Test
    void theAdminSeesWhoMadeEachEntryTheCustomerDoesNot() {
        assertThat(page(Map.of()).items()).containsExactly(ENTRY);

        BillingEntry seen = billing.ownPage(THE_CUSTOMER, Map.of()).items().get(0);
        assertThat(seen.actor()).isNull();
        assertThat(seen.correlationId()).isNull();
        assertThat(seen).isEqualTo(new BillingEntry("e-1", 7, AT, BillingEntryType.REFILL, 2000, "USD", 2000, 0,
                null, "top-up", null));
    }

    @Test
    void anotherPlatformsOrAnUnknownCustomerIsNotFoundAndNothingIsRead() {
        Caller elsewhere = new Caller("admin-2", "PLATFORM_ADMIN", "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b");
        when(directory.requireCustomerOf(elsewhere.platformId(), CUSTOMER))
                .thenThrow(new CustomerNotFoundException(CUSTOMER));
        Caller stranger = new Caller("someone", "CUSTOMER", elsewhere.platformId());
        when(directory.requireCustomerOf(elsewhere.platformId(), "someone"))
                .thenThrow(new CustomerNotFoundException("someone"));

        assertThatThrownBy(() -> billing.customerPage(elsewhere, CUSTOMER, Map.of()))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> billing.customerExport(elsewhere, CUSTOMER, Map.of()))
                .isInstanceOf(CustomerNotFoundException.class);
        assertThatThrownBy(() -> billing.ownPage(stranger, Map.of())).isInstanceOf(CustomerNotFoundException.class);
        verifyNoInteractions(entries);
    }

    @Test
    void aPageIs50EntriesByDefaultAndTheFiltersSelectByTimeAndType() {
        page(Map.of());
        verify(entries).page(new Filter(CUSTOMER, null, null, Set.of(), null), 50);

        page(Map.of("from", "2025-03-01T00:00:00Z", "to", "2025-03-02T00:00:00Z", "type", "refill,DEDUCTION",
                "limit", "200"));
        verify(entries).page(new Filter(CUSTOMER, Instant.parse("2025-03-01T00:00:00Z"),
                Instant.parse("2025-03-02T00:00:00Z"), EnumSet.of(BillingEntryType.REFILL, BillingEntryType.DEDUCTION),
                null), 200);
    }

    @Test
    void theNextPageContinuesBeforeTheLastSequenceShownByTheCursorThisListReturned() {
        when(entries.page(any(), eq(1))).thenReturn(new Page(List.of(ENTRY), 7L));
        String cursor = page(Map.of("limit", "1")).nextCursor();
        assertThat(cursor).isNotBlank();

        page(Map.of("cursor", cursor));

        verify(entries).page(new Filter(CUSTOMER, null, null, Set.of(), 7L), 50);
        assertThat(page(Map.of()).nextCursor()).isNull();
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndTheRule() {
        assertBad(() -> page(Map.of("sort", "amount")), "sort", "unknown_parameter");
        assertBad(() -> page(Map.of("limit", "0")), "limit", "range");
        assertBad(() -> page(Map.of("limit", "201")), "limit", "range");
        assertBad(() -> page(Map.of("limit", "ten")), "limit", "range");
        assertBad(() -> page(Map.of("cursor", "bm9wZQ")), "cursor", "cursor_invalid");
        assertBad(() -> page(Map.of("cursor", BillingDetailsService.encodeCursor(7).substring(1))), "cursor",
                "cursor_invalid");
        assertBad(() -> page(Map.of("cursor", "%%%")), "cursor", "cursor_invalid");
        assertBad(() -> page(Map.of("type", "GIFT")), "type", "one_of");
        assertBad(() -> page(Map.of("from", "yesterday")), "from", "instant");
        assertBad(() -> page(Map.of("from", "2025-03-02T00:00:00Z", "to", "2025-03-01T00:00:00Z")), "to",
                "after_from");
        assertBad(() -> page(Map.of("from", "2025-03-01T00:00:00Z", "to", "2025-03-01T00:00:00Z")), "to",
                "after_from");
        assertBad(() -> billing.customerExport(ADMIN, CUSTOMER, Map.of("limit", "5")), "limit",
                "unknown_parameter");
        assertBad(() -> billing.customerExport(ADMIN, CUSTOMER, Map.of("cursor", "x")), "cursor",
                "unknown_parameter");
    }

    @Test
    void anExportHasEveryEntryTheFiltersSelectAsItsReaderMaySeeThem() {
        Filter deductions = new Filter(CUSTOMER, null, null, Set.of(BillingEntryType.DEDUCTION), null);
        doAnswer(call -> {
            call.<Consumer<BillingEntry>>getArgument(1).accept(ENTRY);
            return null;
        }).when(entries).each(eq(deductions), any());

        Export admins = billing.customerExport(ADMIN, CUSTOMER, Map.of("type", "deduction"));
        Export own = billing.ownExport(THE_CUSTOMER, Map.of("type", "deduction"));
        assertThat(admins.customerId()).isEqualTo(CUSTOMER);
        List<BillingEntry> seenByAdmin = new ArrayList<>();
        List<BillingEntry> seenByCustomer = new ArrayList<>();
        billing.each(admins, seenByAdmin::add);
        billing.each(own, seenByCustomer::add);

        assertThat(seenByAdmin).containsExactly(ENTRY);
        assertThat(seenByCustomer).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isNull();
            assertThat(entry.correlationId()).isNull();
            assertThat(entry.entryId()).isEqualTo("e-1");
        });
    }
}
