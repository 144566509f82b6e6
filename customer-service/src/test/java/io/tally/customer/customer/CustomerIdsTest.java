package io.tally.customer.customer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CustomerIdsTest {

    @Test
    void anIdIsReadInItsCanonicalForm() {
        assertThat(CustomerIds.require("6F1C2A7E-0D4B-4C55-9A3E-1B2C3D4E5F60"))
                .isEqualTo("6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "6f1c2a7e-0d4b-4c55-9a3e", "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60-00"})
    void aMalformedIdNamesNoCustomer(String id) {
        CustomerNotFoundException refusal = catchThrowableOfType(CustomerNotFoundException.class,
                () -> CustomerIds.require(id));

        assertThat(refusal.code()).isEqualTo("customer_not_found");
        assertThat(refusal.field()).isNull();
        assertThat(refusal).hasMessage("No customer " + id + " on this platform.");
    }
}
