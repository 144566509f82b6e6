package io.tally.customer.list;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerCursorTest {

    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";

    @ParameterizedTest
    @ValueSource(strings = {
            "ann@example.com",
            "Smith, John",
            "a,b,,c,",
            "first line\nsecond line",
            "\n\nleading and trailing newlines\n",
            "Zoë Ångström 東京 🚀",
            "2025-03-01T10:00:00.000000Z",
            "-1234",
            ""})
    void roundTripsEveryKey(String key) {
        CustomerCursor cursor = new CustomerCursor("teamName,asc", key, CUSTOMER_ID);

        assertThat(CustomerCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void theEncodedFormIsUrlSafe() {
        CustomerCursor cursor = new CustomerCursor("companyName,desc", "??>>~~ü\n", CUSTOMER_ID);

        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "", "a", "!!!not base64!!!", "abc def", "ab+/cd==", "%%%"})
    void garbageDecodesToNothing(String encoded) {
        assertThat(CustomerCursor.decode(encoded)).isEmpty();
    }

    @Test
    void base64WithoutBothSeparatorsDecodesToNothing() {
        String oneSeparator = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("account,asc\n" + CUSTOMER_ID).getBytes(StandardCharsets.UTF_8));

        assertThat(CustomerCursor.decode(oneSeparator)).isEmpty();
    }
}
