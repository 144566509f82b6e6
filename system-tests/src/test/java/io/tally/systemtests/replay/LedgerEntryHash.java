package io.tally.systemtests.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical encoding {@code tally-ledger-entry-v1} of a ledger entry, made from the entry's JSON data as it is
 * published, and its hash: the line {@code tally-ledger-entry-v1}, then {@code name:length:value} and a line feed
 * for each field in the documented order, {@code length} in UTF-8 bytes, an absent value empty.
 */
public final class LedgerEntryHash {

    private static final String VERSION = "tally-ledger-entry-v1";

    /** Each kind's own fields, after {@code type} and {@code entryId}. */
    private static final Map<String, List<String>> OWN_FIELDS = Map.of(
            "BalanceRefilled", List.of("customerId", "platformId", "amount", "balanceAfter", "creditsAfter", "note"),
            "BalanceDeducted", List.of("customerId", "platformId", "amount", "balanceAfter", "creditsAfter", "note"),
            "CustomerCreditsSet", List.of("customerId", "platformId", "creditsBefore", "creditsAfter", "balanceAfter",
                    "poolAvailableAfter"),
            "PlatformCreditPoolSet", List.of("platformId", "totalBefore", "totalAfter", "allocated", "availableAfter"));

    /** The fields every kind ends with. */
    private static final List<String> LAST_FIELDS = List.of("currency", "idempotencyKey", "actor", "occurredAt",
            "previousHash");

    private LedgerEntryHash() {
    }

    /** The hash the entry must carry: lower-case hex SHA-256 of its canonical text (its own {@code hash} unread). */
    public static String of(String kind, JsonNode data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalText(kind, data).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The text the hash is computed from. {@code kind} is the type's name without its namespace and version
     * ({@code BalanceRefilled} for {@code io.tally.ledger.BalanceRefilled.v1}).
     */
    public static String canonicalText(String kind, JsonNode data) {
        List<String> own = OWN_FIELDS.get(kind);
        if (own == null) {
            throw new IllegalArgumentException("Not a kind of ledger entry: " + kind);
        }
        StringBuilder text = new StringBuilder(VERSION).append('\n');
        line(text, "type", kind);
        line(text, "entryId", valueOf(data, "entryId"));
        own.forEach(field -> line(text, field, valueOf(data, field)));
        LAST_FIELDS.forEach(field -> line(text, field, valueOf(data, field)));
        return text.toString();
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(':').append(value.getBytes(StandardCharsets.UTF_8).length).append(':').append(value)
                .append('\n');
    }

    /** A string as it is, an integer in decimal, a missing or null field empty: the JSON's own text, never reformatted. */
    private static String valueOf(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        throw new IllegalArgumentException(field + " is neither a string nor an integer: " + value);
    }
}
