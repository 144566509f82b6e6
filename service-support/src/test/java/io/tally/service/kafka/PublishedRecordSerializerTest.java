package io.tally.service.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedRecordSerializerTest {

    private final PublishedRecordSerializer serializer = new PublishedRecordSerializer();

    @Test
    void dropsTheFrameworkExtensionsAndKeepsTheContractsOnes() {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize("tally.customer.events", headers, event(
                OffsetDateTime.parse("2025-03-14T09:26:53.5Z")));

        assertThat(new String(value, StandardCharsets.UTF_8)).isEqualTo("{\"customerId\":\"c1\"}");
        assertThat(names(headers)).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type",
                "ce_subject", "ce_time", "content-type", "ce_correlationid", "ce_actor", "ce_platformid");
        assertThat(names(headers)).containsEntry("ce_actor", "admin").containsEntry("ce_subject", "c1");
    }

    @Test
    void writesTheTimeInUtcWithExactlySixFractionalDigits() {
        assertThat(timeOf(OffsetDateTime.parse("2025-03-14T09:26:53Z"))).isEqualTo("2025-03-14T09:26:53.000000Z");
        assertThat(timeOf(OffsetDateTime.parse("2025-03-14T09:26:53.5Z"))).isEqualTo("2025-03-14T09:26:53.500000Z");
        assertThat(timeOf(OffsetDateTime.parse("2025-03-14T09:26:53.123456789Z")))
                .as("truncated, never rounded into the next microsecond").isEqualTo("2025-03-14T09:26:53.123456Z");
        assertThat(timeOf(OffsetDateTime.of(2025, 3, 14, 10, 26, 53, 120_000_000, ZoneOffset.ofHours(1))))
                .isEqualTo("2025-03-14T09:26:53.120000Z");
    }

    @Test
    void fixedPrecisionSortsAsTheTimesDo() {
        String earlier = timeOf(OffsetDateTime.parse("2025-03-14T09:26:53.1Z"));
        String later = timeOf(OffsetDateTime.parse("2025-03-14T09:26:53.12Z"));
        assertThat(earlier).isLessThan(later);
    }

    private String timeOf(OffsetDateTime time) {
        RecordHeaders headers = new RecordHeaders();
        serializer.serialize("tally.customer.events", headers, event(time));
        assertThat(headers.headers("ce_time")).hasSize(1);
        return names(headers).get("ce_time");
    }

    private static CloudEvent event(OffsetDateTime time) {
        return CloudEventBuilder.v1()
                .withId("e1")
                .withSource(URI.create("urn:tally:customer-service"))
                .withType("io.tally.customer.CustomerCreated.v1")
                .withSubject("c1")
                .withTime(time)
                .withDataContentType("application/json")
                .withData("{\"customerId\":\"c1\"}".getBytes(StandardCharsets.UTF_8))
                .withExtension("axonmessagerevision", "1")
                .withExtension("axonmessageaggregateid", "c1")
                .withExtension("axonmessageaggregateseq", 3)
                .withExtension("axonmessageaggregatetype", "Customer")
                .withExtension("correlationid", "req-1")
                .withExtension("actor", "admin")
                .withExtension("platformid", "p1")
                .build();
    }

    private static Map<String, String> names(RecordHeaders headers) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Header header : headers) {
            assertThat(names).as("one header " + header.key()).doesNotContainKey(header.key());
            names.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return names;
    }
}
