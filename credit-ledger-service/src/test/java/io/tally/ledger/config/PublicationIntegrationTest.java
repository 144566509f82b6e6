package io.tally.ledger.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.contracts.ledger.LedgerEntryEvent;
import io.tally.ledger.chain.LedgerHash;
import io.tally.ledger.support.LedgerApiTest;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What leaves the ledger on Kafka: only the published language, keyed by chain, hashes recomputable. */
class PublicationIntegrationTest extends LedgerApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void ledgerFactsArePublishedAsCloudEventsKeyedByTheirChainAndNothingInternalLeaves() throws Exception {
        String customerId = customer();
        setPool("30.00", "pub-pool");
        refill(customerId, "\"10.00\"", "pub-1");
        credits(customerId, "4.00", "pub-2");
        deduct(customerId, "1.00", "pub-3");

        List<Record> records = KafkaProbe.readUntil(Topics.LEDGER_EVENTS, all -> all.stream()
                .filter(r -> customerId.equals(r.key()) || platformId.equals(r.key())).count() >= 4);
        List<Record> customers = records.stream().filter(r -> customerId.equals(r.key())).toList();
        assertThat(customers).extracting(Record::type).containsExactly("io.tally.ledger.BalanceRefilled.v1",
                "io.tally.ledger.CustomerCreditsSet.v1", "io.tally.ledger.BalanceDeducted.v1");
        assertThat(records).filteredOn(r -> platformId.equals(r.key())).extracting(Record::type)
                .containsExactly("io.tally.ledger.PlatformCreditPoolSet.v1");
        for (Record record : records) {
            assertThat(EventCatalog.classOfType(record.type())).as(record.type()).isPresent();
            assertThat(record.attributes()).containsEntry("source", "urn:tally:credit-ledger-service")
                    .containsKey("correlationid");
            assertThat(record.attributes().keySet()).as("no framework-internal header")
                    .noneMatch(name -> name.startsWith("axon"));
            assertThat(record.attributes().get("time")).as("RFC 3339, UTC, always six fractional digits")
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        }

        // A consumer can follow the chain and recompute every hash from the records alone.
        String previous = null;
        for (Record record : customers) {
            JsonNode data = JSON.readTree(record.data());
            assertThat(data.path("previousHash").isNull() || data.path("previousHash").isMissingNode()
                    ? null : data.get("previousHash").asText()).isEqualTo(previous);
            Object event = JSON.treeToValue(data, EventCatalog.classOfType(record.type()).orElseThrow());
            assertThat(LedgerHash.of((LedgerEntryEvent) event))
                    .isEqualTo(data.get("hash").asText());
            previous = data.get("hash").asText();
        }
        assertThat(customers.get(1).data()).contains("\"creditsAfter\":400", "\"poolAvailableAfter\":2600");
    }

    @Test
    void entriesStoredWhilePublicationIsStoppedLeaveOnceEachInTheirOrderWhenItResumes() {
        TrackingEventProcessor publisher = processing.eventProcessor("kafka-publisher", TrackingEventProcessor.class)
                .orElseThrow();
        assertThat(ReflectionTestUtils.getField(publisher, "batchSize"))
                .as("the publisher takes what the event store holds in batches, not one event at a time")
                .isEqualTo(500);
        String customerId = customer();
        publisher.shutDown();
        List<String> keys = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                keys.add("outage-" + i);
                assertThat(refill(customerId, "\"1.00\"", keys.get(i)).status()).isEqualTo(200);
            }
        } finally {
            publisher.start();
        }

        List<Record> records = KafkaProbe.readUntil(Topics.LEDGER_EVENTS, all -> all.stream()
                .filter(r -> customerId.equals(r.key())).count() >= keys.size());
        List<JsonNode> entries = records.stream().filter(r -> customerId.equals(r.key()))
                .map(r -> readTree(r.data())).toList();
        assertThat(entries).extracting(e -> e.get("idempotencyKey").asText()).containsExactlyElementsOf(keys);
        assertThat(entries).extracting(e -> e.get("balanceAfter").asLong())
                .containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L, 1100L, 1200L);
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
