package io.tally.customer.list;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.customer.customer.CustomerNotFoundException;
import io.tally.service.web.BadRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The rules of the reads that are not a page of the list: a customer's details, and the tags in use. */
class CustomerListQueriesTest {

    private static final String PLATFORM_ID = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final CustomerListQueries queries = new CustomerListQueries(jdbc, new ObjectMapper());

    @Test
    @SuppressWarnings("unchecked")
    void theDetailsAreThoseOfTheCustomerOnTheCallersPlatform() {
        CustomerRow row = new CustomerRow(CUSTOMER_ID, "ann@example.com", "Blue Team", "DEFAULT", null, "0.00",
                "0.00", "USD", "ON", List.of(), Instant.parse("2025-03-01T10:00:00Z"), true, null, null, null, null);
        when(jdbc.query(anyString(), any(RowMapper.class), eq(UUID.fromString(PLATFORM_ID)),
                eq(UUID.fromString(CUSTOMER_ID)))).thenReturn(List.of(row));

        assertThat(queries.details(PLATFORM_ID, CUSTOMER_ID.toUpperCase())).isEqualTo(row);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCustomerTheListDoesNotHaveOnThePlatformIsNotFound() {
        when(jdbc.query(anyString(), any(RowMapper.class), any(), any())).thenReturn(List.of());

        assertNotFound(CUSTOMER_ID);
    }

    @Test
    void aMalformedIdIsNotFoundWithoutAQuery() {
        assertNotFound("not-a-uuid");
        verifyNoInteractions(jdbc);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTagListOffersAtMostFiveHundredTags() {
        queries.tagsInUse(PLATFORM_ID, Map.of());

        verify(jdbc).query(anyString(), any(RowMapper.class), eq(UUID.fromString(PLATFORM_ID)),
                eq(CustomerListQueries.MAX_TAGS_LISTED));
        assertThat(CustomerListQueries.MAX_TAGS_LISTED).isEqualTo(500);
    }

    @Test
    void theTagListTakesNoParameters() {
        BadRequestException refusal = catchThrowableOfType(BadRequestException.class,
                () -> queries.tagsInUse(PLATFORM_ID, Map.of("limit", "5")));

        assertThat(refusal.field()).isEqualTo("limit");
        assertThat(refusal.rule()).isEqualTo("unknown_parameter");
        verifyNoInteractions(jdbc);
    }

    private void assertNotFound(String customerId) {
        CustomerNotFoundException refusal = catchThrowableOfType(CustomerNotFoundException.class,
                () -> queries.details(PLATFORM_ID, customerId));
        assertThat(refusal.code()).isEqualTo("customer_not_found");
        assertThat(refusal).hasMessage("No customer " + customerId + " on this platform.");
    }
}
