package io.tally.systemtests.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical encoding {@code tally-ledger-entry-v1}, as docs/events.md describes it. */
class LedgerReplayHashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The worked example of docs/events.md, its fields in another order than the encoding's, as JSON may have them. */
    private static final String EXAMPLE = """
            {"hash":"ee0e8dbef510469ce28020ca5554ab2c3f1f9e31a54e103a6fd3c406d9070c78",
             "occurredAt":"2025-03-01T10:00:00.123Z","actor":"admin","idempotencyKey":"key-1","currency":"USD",
             "note":"first","creditsAfter":0,"balanceAfter":2000,"amount":2000,"platformId":"p1","customerId":"c1",
             "entryId":"e1"}
            """;

    @Test
    void theWorkedExampleOfTheContractGivesItsTextAndItsHash() {
        JsonNode example = read(EXAMPLE);

        assertThat(LedgerEntryHash.canonicalText("BalanceRefilled", example)).isEqualTo("""
                tally-ledger-entry-v1
                type:15:BalanceRefilled
                entryId:2:e1
                customerId:2:c1
                platformId:2:p1
                amount:4:2000
                balanceAfter:4:2000
                creditsAfter:1:0
                note:5:first
                currency:3:USD
                idempotencyKey:5:key-1
                actor:5:admin
                occurredAt:24:2025-03-01T10:00:00.123Z
                previousHash:0:
                """);
        assertThat(LedgerEntryHash.of("BalanceRefilled", example))
                .isEqualTo("ee0e8dbef510469ce28020ca5554ab2c3f1f9e31a54e103a6fd3c406d9070c78");
    }

    @Test
    void lengthsCountUtf8BytesNotCharacters() {
        ObjectNode entry = (ObjectNode) read(EXAMPLE);
        entry.put("note", "café ✓");

        assertThat(LedgerEntryHash.canonicalText("BalanceRefilled", entry)).contains("\nnote:9:café ✓\n");
    }

    @Test
    void aMissingNoteAndANullNoteAreBothEmpty() {
        ObjectNode missing = (ObjectNode) read(EXAMPLE);
        missing.remove("note");
        ObjectNode nulled = (ObjectNode) read(EXAMPLE);
        nulled.putNull("note");

        assertThat(LedgerEntryHash.canonicalText("BalanceRefilled", missing)).contains("\nnote:0:\n");
        assertThat(LedgerEntryHash.of("BalanceRefilled", nulled)).isEqualTo(LedgerEntryHash.of("BalanceRefilled", missing));
    }

    @Test
    void everyHashedFieldChangesTheHashAndTheCarriedHashDoesNot() {
        String original = LedgerEntryHash.of("BalanceRefilled", read(EXAMPLE));
        for (String field : List.of("entryId", "customerId", "platformId", "note", "currency", "idempotencyKey", "actor",
                "occurredAt")) {
            ObjectNode changed = (ObjectNode) read(EXAMPLE);
            changed.put(field, changed.path(field).asText() + "x");
            assertThat(LedgerEntryHash.of("BalanceRefilled", changed)).as(field).isNotEqualTo(original);
        }
        for (String field : List.of("amount", "balanceAfter", "creditsAfter")) {
            ObjectNode changed = (ObjectNode) read(EXAMPLE);
            changed.put(field, changed.path(field).asLong() + 1);
            assertThat(LedgerEntryHash.of("BalanceRefilled", changed)).as(field).isNotEqualTo(original);
        }
        ObjectNode chained = (ObjectNode) read(EXAMPLE);
        chained.put("previousHash", original);
        assertThat(LedgerEntryHash.of("BalanceRefilled", chained)).isNotEqualTo(original);
        ObjectNode otherHash = (ObjectNode) read(EXAMPLE);
        otherHash.put("hash", "0".repeat(64));
        assertThat(LedgerEntryHash.of("BalanceRefilled", otherHash)).isEqualTo(original);
        assertThat(LedgerEntryHash.of("BalanceDeducted", read(EXAMPLE))).as("the kind is hashed").isNotEqualTo(original);
    }

    @Test
    void eachKindHasItsFieldsInTheDocumentedOrder() {
        JsonNode pool = read("""
                {"entryId":"e9","platformId":"p1","currency":"JPY","totalBefore":0,"totalAfter":500,"allocated":0,
                 "availableAfter":500,"idempotencyKey":"k","actor":"provider","occurredAt":"2025-03-01T10:00:00Z",
                 "previousHash":"abc"}
                """);
        JsonNode credits = read("""
                {"entryId":"e8","customerId":"c1","platformId":"p1","currency":"USD","creditsBefore":0,"creditsAfter":300,
                 "balanceAfter":2000,"poolAvailableAfter":700,"idempotencyKey":"k","actor":"admin",
                 "occurredAt":"2025-03-01T10:00:00.000001Z"}
                """);

        assertThat(names(LedgerEntryHash.canonicalText("PlatformCreditPoolSet", pool))).containsExactly(
                "type", "entryId", "platformId", "totalBefore", "totalAfter", "allocated", "availableAfter",
                "currency", "idempotencyKey", "actor", "occurredAt", "previousHash");
        assertThat(LedgerEntryHash.canonicalText("PlatformCreditPoolSet", pool))
                .contains("\ntype:21:PlatformCreditPoolSet\n", "\ntotalAfter:3:500\n", "\npreviousHash:3:abc\n");
        assertThat(names(LedgerEntryHash.canonicalText("CustomerCreditsSet", credits))).containsExactly(
                "type", "entryId", "customerId", "platformId", "creditsBefore", "creditsAfter", "balanceAfter",
                "poolAvailableAfter", "currency", "idempotencyKey", "actor", "occurredAt", "previousHash");
        assertThat(LedgerEntryHash.canonicalText("CustomerCreditsSet", credits))
                .contains("\noccurredAt:27:2025-03-01T10:00:00.000001Z\n");
    }

    @Test
    void aFieldInAnotherShapeOrAnUnknownKindIsRefused() {
        ObjectNode decimal = (ObjectNode) read(EXAMPLE);
        decimal.put("amount", 2000.0);
        ObjectNode object = (ObjectNode) read(EXAMPLE);
        object.putObject("note");

        assertThatThrownBy(() -> LedgerEntryHash.of("BalanceRefilled", decimal)).hasMessageContaining("amount");
        assertThatThrownBy(() -> LedgerEntryHash.of("BalanceRefilled", object)).hasMessageContaining("note");
        assertThatThrownBy(() -> LedgerEntryHash.of("BalanceFrozen", read(EXAMPLE)))
                .hasMessageContaining("BalanceFrozen");
    }

    private static List<String> names(String canonicalText) {
        return Arrays.stream(canonicalText.split("\n")).skip(1).map(line -> line.substring(0, line.indexOf(':')))
                .toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
