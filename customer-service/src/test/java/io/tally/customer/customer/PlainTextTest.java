package io.tally.customer.customer;

import io.tally.contracts.customer.PostalAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

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

    @Test
    void anEmailIsSomethingAtADomainWithoutSpacesOrControlCharacters() {
        Pattern email = Pattern.compile(PlainText.EMAIL);

        assertThat(email.matcher("ada@example.com").matches()).isTrue();
        assertThat(email.matcher("a.b+c@sub.example.co").matches()).isTrue();
        for (String refused : new String[]{"ada", "ada@example", "a b@example.com", "a@b@example.com",
                "nul\u0000@example.com", "@example.com", "ada@.com."}) {
            assertThat(email.matcher(refused).matches()).as(refused).isFalse();
        }
    }
}
