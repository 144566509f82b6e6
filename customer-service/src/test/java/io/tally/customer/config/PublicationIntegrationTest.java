package io.tally.customer.config;

import io.tally.service.security.Secrets;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.KafkaProbe;
import io.tally.testsupport.KafkaProbe.Record;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What leaves the service on Kafka, and what the event store still reads after the service's classes moved. */
class PublicationIntegrationTest extends ServiceApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void customerFactsArePublishedAsCloudEventsInOrderKeyedByCustomer() throws Exception {
        String correlationId = "req-" + UUID.randomUUID();
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/customers"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"pub@example.com\",\"teamName\":\"Pub\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Correlation-Id")).contains(correlationId);
        String customerId = created.headers().firstValue("Location").orElseThrow().replace("/api/v1/customers/", "");
        api.put("/api/v1/customers/" + customerId + "/tags", admin, "{\"tags\":[\"a\"]}");
        api.put("/api/v1/customers/" + customerId + "/state", admin, "{\"state\":\"OFF\"}");
        api.put("/api/v1/customers/" + customerId + "/state", admin, "{\"state\":\"ON\"}");

        List<Record> mine = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS,
                all -> all.stream().filter(r -> customerId.equals(r.key())).count() >= 4).stream()
                .filter(r -> customerId.equals(r.key())).toList();
        assertThat(mine).extracting(Record::type).containsExactly(
                "io.tally.customer.CustomerCreated.v1", "io.tally.customer.CustomerTagsSet.v1",
                "io.tally.customer.CustomerDisabled.v1", "io.tally.customer.CustomerEnabled.v1");
        Record first = mine.get(0);
        assertThat(first.attributes()).containsEntry("specversion", "1.0")
                .containsEntry("source", "urn:tally:customer-service")
                .containsEntry("subject", customerId)
                .containsEntry("datacontenttype", "application/json")
                .containsEntry("actor", "admin-" + platform.substring(0, 8) + "@example.com")
                .containsEntry("platformid", platform)
                .containsEntry("correlationid", correlationId);
        assertThat(first.data()).contains("\"customerId\":\"" + customerId + "\"").contains("\"platformId\"");
        assertThat(first.data()).as("an unset optional field is left out, not written as null (docs/events.md)")
                .doesNotContain("billingInfo").doesNotContain("null");
        assertThat(mine).extracting(r -> r.attributes().get("id")).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(mine).allSatisfy(record -> {
            assertThat(record.attributes()).as("the contract's headers, no framework-internal one")
                    .containsOnlyKeys("specversion", "id", "type", "source", "subject", "time", "datacontenttype",
                            "correlationid", "actor", "platformid");
            assertThat(record.attributes().get("time")).as("RFC 3339, UTC, always six fractional digits")
                    .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z");
        });
        assertThat(mine).extracting(r -> r.attributes().get("time")).as("string order is time order").isSorted();
    }

    @Test
    void onlyThePublishedLanguageAndNoSecretEverReachesKafka() {
        Response invitation = api.post("/api/v1/invitations", admin, "{}");
        String token = invitation.json().get("token").asText();
        String invitationId = invitation.json().get("id").asText();
        List<Record> records = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS,
                all -> all.stream().anyMatch(r -> invitationId.equals(r.key())));

        assertThat(records).isNotEmpty();
        for (Record record : records) {
            assertThat(EventCatalog.classOfType(record.type())).as(record.type()).isPresent();
            assertThat(record.data()).doesNotContain(token);
            assertThat(record.attributes().values()).noneMatch(value -> value.contains(token));
        }
        assertThat(records).filteredOn(r -> invitationId.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(r.data()).contains(Secrets.sha256(token)));
    }

    @Test
    void eventsStoredWhilePublicationIsStoppedArePublishedOnceWhenItResumes() {
        StreamingEventProcessor publisher = processing.eventProcessor("kafka-publisher", StreamingEventProcessor.class)
                .orElseThrow();
        publisher.shutDown();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response created = api.post("/api/v1/customers", admin,
                    "{\"email\":\"outage" + i + "@example.com\",\"teamName\":\"Outage\"}");
            assertThat(created.status()).isEqualTo(201);
            ids.add(created.json().get("id").asText());
        }
        publisher.start();

        List<Record> records = KafkaProbe.readUntil(Topics.CUSTOMER_EVENTS,
                all -> all.stream().filter(r -> ids.contains(r.key())).count() >= ids.size());
        Map<String, Long> perCustomer = records.stream().filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(Record::key, Collectors.counting()));
        assertThat(perCustomer).hasSize(5).allSatisfy((id, count) -> assertThat(count).isEqualTo(1));
    }

    /**
     * A stream written before the service was cut into slices names its private EmailVerificationRequested event by
     * the class's former name. The customer still reads it: the stored digest makes the mailed token its own, and an
     * admin's customer is verified already. Were the event skipped as unknown, the token would be token_invalid.
     */
    @Test
    void anEventStoredUnderItsFormerClassNameIsStillRead() {
        Response created = api.post("/api/v1/customers", admin,
                "{\"email\":\"former@example.com\",\"teamName\":\"Former\"}");
        assertThat(created.status()).isEqualTo(201);
        String customerId = created.json().get("id").asText();
        String secret = Secrets.newToken();
        String payload = "{\"customerId\":\"%s\",\"tokenSha256\":\"%s\",\"expiresAt\":\"2999-01-01T00:00:00Z\"}"
                .formatted(customerId, Secrets.sha256(secret));
        assertThat(jdbc.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        SELECT aggregateidentifier, 1, type, ?, metadata, ?, NULL, ?, timestamp
                          FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0""",
                UUID.randomUUID().toString(), payload.getBytes(StandardCharsets.UTF_8),
                "io.tally.customer.command.EmailVerificationRequestedEvent", customerId)).isEqualTo(1);

        Response verified = api.post("/api/v1/public/email-verifications", null,
                "{\"token\":\"" + customerId + "." + secret + "\"}");
        assertThat(verified.status()).as(verified.toString()).isEqualTo(400);
        assertThat(verified.json().get("code").asText()).isEqualTo("token_used");
        Response forged = api.post("/api/v1/public/email-verifications", null,
                "{\"token\":\"" + customerId + "." + Secrets.newToken() + "\"}");
        assertThat(forged.json().get("code").asText()).as("another secret is still not the customer's")
                .isEqualTo("token_invalid");
    }
}
