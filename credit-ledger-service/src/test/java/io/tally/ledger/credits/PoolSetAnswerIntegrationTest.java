package io.tally.ledger.credits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.Topics;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The pool-set answer names its ledger entry, as every money answer does. */
class PoolSetAnswerIntegrationTest extends LedgerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePoolSetAnswerCarriesTheEntryIdOfItsPublishedEntryAndARetryTheSameOne() throws Exception {
        Response first = setPool("70.00", "pool-entry-1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String entryId = first.json().get("entryId").asText();
        assertThat(UUID.fromString(entryId)).isNotNull();
        assertThat(first.json().get("total").asText()).isEqualTo("70.00");
        assertThat(first.json().get("allocated").asText()).isEqualTo("0.00");
        assertThat(first.json().get("available").asText()).isEqualTo("70.00");
        assertThat(first.json().get("currency").asText()).isEqualTo("USD");

        Response retry = setPool("70.00", "pool-entry-1");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("entryId").asText()).isEqualTo(entryId);

        Response second = setPool("80.00", "pool-entry-2");
        String secondEntryId = second.json().get("entryId").asText();
        assertThat(secondEntryId).isNotEqualTo(entryId);

        List<Record> pool = KafkaProbe.readUntil(Topics.LEDGER_EVENTS, all -> all.stream()
                .filter(r -> platformId.equals(r.key())).count() >= 2).stream()
                .filter(r -> platformId.equals(r.key())).toList();
        assertThat(pool).extracting(r -> JSON.readTree(r.data()).get("entryId").asText())
                .containsExactly(entryId, secondEntryId);
    }
}
