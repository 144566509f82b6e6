package io.tally.customer.customer;

import io.tally.contracts.customer.PostalAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlainTextTest {

    @Test
    void acceptsAnyTextWithoutControlCharactersAndNothing() {
        assertThatNoException().isThrownBy(() -> {
            PlainText.require("teamName", "Zoë Ångström, 東京 🚀 & Co. <b>");
            PlainText.require("teamName", (String) null);
            PlainText.require("address", (PostalAddress) null);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "tab\there", "line\nbreak", "del\u007f", "c1\u0085"})
    void refusesControlCharactersNamingTheField(String value) {
        InvalidCustomerDataException refusal = catchThrowableOfType(InvalidCustomerDataException.class,
                () -> PlainText.require("contactName", value));

        assertThat(refusal.code()).isEqualTo("control_character");
        assertThat(refusal.field()).isEqualTo("contactName");
    }

    @Test
    void namesTheFieldOfTheAddressThatHoldsOne() {
        PostalAddress address = new PostalAddress("1 Main Street", null, "Spring\u0000field", "12345", null, "US");

        InvalidCustomerDataException refusal = catchThrowableOfType(InvalidCustomerDataException.class,
                () -> PlainText.require("billingInfo.address", address));

        assertThat(refusal.field()).isEqualTo("billingInfo.address.city");
    }
}
