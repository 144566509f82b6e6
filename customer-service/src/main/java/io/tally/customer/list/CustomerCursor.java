package io.tally.customer.list;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The position after the last row of a page: its sort key and its id. Keyset paging on
 * (key, id) is stable under concurrent inserts and as fast on page 10,000 as on page 1.
 */
record CustomerCursor(String sort, String key, String customerId) {

    private static final char SEPARATOR = '\n';

    public String encode() {
        String raw = sort + SEPARATOR + customerId + SEPARATOR + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<CustomerCursor> decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int first = raw.indexOf(SEPARATOR);
            int second = raw.indexOf(SEPARATOR, first + 1);
            if (first < 0 || second < 0) {
                return Optional.empty();
            }
            String customerId = raw.substring(first + 1, second);
            if (!UUID.fromString(customerId).toString().equals(customerId)) {
                return Optional.empty();
            }
            return Optional.of(new CustomerCursor(raw.substring(0, first), raw.substring(second + 1), customerId));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
