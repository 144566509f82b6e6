package io.tally.customer.list;

import io.tally.contracts.customer.TeamType;
import io.tally.customer.customer.Tags;
import io.tally.customer.list.CustomerListQuery.CustomerState;
import io.tally.customer.list.CustomerSort.Field;
import io.tally.service.web.BadRequestException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every rule about the list's parameters: what each accepts at its bounds, and each refusal with field and rule. */
class CustomerListQueryTest {

    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";

    private static CustomerListQuery page(Map<String, String> parameters) {
        return CustomerListQuery.page(PLATFORM_ID, parameters);
    }

    private static CustomerListQuery page(String name, String value) {
        return page(Map.of(name, value));
    }

    private static void assertRefused(Map<String, String> parameters, String field, String rule) {
        BadRequestException refusal = catchThrowableOfType(BadRequestException.class, () -> page(parameters));
        assertThat(refusal).as("%s", parameters).isNotNull();
        assertThat(refusal.field()).as("%s", parameters).isEqualTo(field);
        assertThat(refusal.rule()).as("%s", parameters).isEqualTo(rule);
    }

    private static void assertRefused(String name, String value, String rule) {
        assertRefused(Map.of(name, value), name, rule);
    }

    @Test
    void withoutParametersAPageIsTheFirstFiftyNewestFirstUnfiltered() {
        CustomerListQuery query = page(Map.of());

        assertThat(query).isEqualTo(new CustomerListQuery(PLATFORM_ID, null, null, null, null, null, null, null, null,
                new CustomerSort(Field.REGISTRATION_TIME, true), null, CustomerListQuery.DEFAULT_LIMIT));
        assertThat(CustomerListQuery.DEFAULT_LIMIT).isEqualTo(50);
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        assertRefused(Map.of("colour", "red"), "colour", "unknown_parameter");
    }

    @Nested
    class Export {

        @Test
        void takesTheFiltersAndTheSortAndEveryRow() {
            CustomerListQuery query = CustomerListQuery.export(PLATFORM_ID, Map.of("tag", "vip", "sort", "account"));

            assertThat(query.tag()).isEqualTo("vip");
            assertThat(query.sort()).isEqualTo(new CustomerSort(Field.ACCOUNT, false));
            assertThat(query.after()).isNull();
            assertThat(query.limit()).isEqualTo(Integer.MAX_VALUE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"limit", "cursor"})
        void refusesPagingParameters(String name) {
            BadRequestException refusal = catchThrowableOfType(BadRequestException.class,
                    () -> CustomerListQuery.export(PLATFORM_ID, Map.of(name, "5")));

            assertThat(refusal.field()).isEqualTo(name);
            assertThat(refusal.rule()).isEqualTo("unknown_parameter");
        }
    }

    @Nested
    class Limit {

        @ParameterizedTest
        @ValueSource(ints = {1, 200})
        void acceptsOneToTwoHundred(int limit) {
            assertThat(page("limit", Integer.toString(limit)).limit()).isEqualTo(limit);
            assertThat(CustomerListQuery.MAX_LIMIT).isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "201", "-1", "ten", "", "1.5"})
        void refusesAnythingElse(String limit) {
            assertRefused("limit", limit, "range");
        }
    }

    @Nested
    class Sort {

        @Test
        void takesAFieldAndADirection() {
            assertThat(page("sort", "balance,desc").sort()).isEqualTo(new CustomerSort(Field.BALANCE, true));
        }

        @ParameterizedTest
        @ValueSource(strings = {"shoeSize", "balance,sideways", "balance,asc,desc", ""})
        void refusesAnUnknownFieldOrDirection(String sort) {
            assertRefused("sort", sort, "sort_field");
        }
    }

    @Nested
    class Cursor {

        private final String teamNameCursor = new CustomerCursor("teamName,asc", "blue team", CUSTOMER_ID).encode();

        @Test
        void acceptsACursorOfTheSameSort() {
            assertThat(page(Map.of("sort", "teamName", "cursor", teamNameCursor)).after())
                    .isEqualTo(new CustomerCursor("teamName,asc", "blue team", CUSTOMER_ID));
        }

        @Test
        void refusesACursorOfAnotherSort() {
            assertRefused(Map.of("sort", "teamName,desc", "cursor", teamNameCursor), "cursor", "cursor_invalid");
            assertRefused(Map.of("cursor", teamNameCursor), "cursor", "cursor_invalid");
        }

        @Test
        void refusesAKeyTheSortedColumnCouldNotHaveWritten() {
            String forged = new CustomerCursor("balance,asc", "1; DROP TABLE customer_list", CUSTOMER_ID).encode();

            assertRefused(Map.of("sort", "balance", "cursor", forged), "cursor", "cursor_invalid");
        }

        @Test
        void refusesGarbage() {
            assertRefused("cursor", "garbage", "cursor_invalid");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab\u0000cd", "abc\u001Fdef", "tab\tbed", "line\nfeed", "del\u007Fete"})
    void aSearchOrTagWithAControlCharacterIsRefusedBeforeItReachesTheDatabase(String value) {
        assertRefused("q", value, "control_character");
        assertRefused("tag", value, "control_character");
    }

    @Nested
    class Search {

        @Test
        void isTrimmed() {
            assertThat(page("q", "  ada  ").search()).isEqualTo("ada");
        }

        @Test
        void blankSearchesNothing() {
            assertThat(page("q", "   ").search()).isNull();
        }

        @Test
        void acceptsThreeToOneHundredCharacters() {
            assertThat(page("q", "x".repeat(CustomerListQuery.MIN_SEARCH)).search()).hasSize(3);
            assertThat(page("q", "x".repeat(CustomerListQuery.MAX_SEARCH)).search()).hasSize(100);
        }

        @Test
        void refusesShorterOrLongerSearches() {
            assertRefused("q", "ab", "size");
            assertRefused("q", " ab ", "size");
            assertRefused("q", "x".repeat(101), "size");
        }
    }

    @Nested
    class Facets {

        @Test
        void stateAndTeamTypeIgnoreCase() {
            CustomerListQuery query = page(Map.of("state", "off", "teamType", " enterprise "));

            assertThat(query.state()).isEqualTo(CustomerState.OFF);
            assertThat(query.teamType()).isEqualTo(TeamType.ENTERPRISE);
        }

        @Test
        void refusesAnUnknownStateOrTeamType() {
            assertRefused("state", "MAYBE", "one_of");
            assertRefused("teamType", "SOLO", "one_of");
        }

        @Test
        void aTagIsTrimmedAndHasAtMostAsManyCharactersAsATagMayHave() {
            assertThat(page("tag", "  vip ").tag()).isEqualTo("vip");
            String longest = "\uD83D\uDE80".repeat(Tags.MAX_LENGTH);
            assertThat(page("tag", longest).tag()).as("characters, not UTF-16 units").isEqualTo(longest);
        }

        @Test
        void refusesABlankOrTooLongTag() {
            assertRefused("tag", "  ", "size");
            assertRefused("tag", "t".repeat(Tags.MAX_LENGTH + 1), "size");
            BadRequestException refusal = catchThrowableOfType(BadRequestException.class,
                    () -> page("tag", ""));
            assertThat(refusal).hasMessage("A tag has 1 to 40 characters.");
        }
    }

    @Nested
    class Balance {

        @Test
        void takesDecimalAmountsUpToFourDecimalsBelowTenTrillion() {
            CustomerListQuery query = page(Map.of("minBalance", "-9999999999999.9999", "maxBalance", "20.5"));

            assertThat(query.minBalance()).isEqualByComparingTo("-9999999999999.9999");
            assertThat(query.maxBalance()).isEqualByComparingTo(new BigDecimal("20.5"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "1.00001", "10000000000000", "-10000000000000", "", "1e3x"})
        void refusesAnythingElse(String amount) {
            assertRefused("minBalance", amount, "decimal");
            assertRefused("maxBalance", amount, "decimal");
        }

        @Test
        void theMinimumMustNotExceedTheMaximum() {
            assertThat(page(Map.of("minBalance", "5", "maxBalance", "5.00")).minBalance()).isEqualByComparingTo("5");
            assertRefused(Map.of("minBalance", "5", "maxBalance", "1"), "minBalance", "range");
        }
    }

    @Nested
    class RegistrationTime {

        @Test
        void takesIsoInstants() {
            CustomerListQuery query = page(Map.of("registeredFrom", "2026-01-01T00:00:00Z",
                    "registeredTo", " 2026-02-01T00:00:00Z "));

            assertThat(query.registeredFrom()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(query.registeredTo()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        }

        @Test
        void refusesAnythingElse() {
            assertRefused("registeredFrom", "yesterday", "instant");
            assertRefused("registeredTo", "2026-01-01", "instant");
        }

        @Test
        void theStartMustNotBeAfterTheEnd() {
            Instant instant = Instant.parse("2026-01-01T00:00:00Z");
            assertThat(page(Map.of("registeredFrom", instant.toString(), "registeredTo", instant.toString()))
                    .registeredFrom()).isEqualTo(instant);
            assertRefused(Map.of("registeredFrom", "2026-01-02T00:00:00Z", "registeredTo", "2026-01-01T00:00:00Z"),
                    "registeredFrom", "range");
        }
    }
}
