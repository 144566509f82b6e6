package io.tally.customer.config;

import io.tally.service.security.Secrets;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.Topics;
import io.tally.customer.query.CustomerListProjection;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What leaves the service on Kafka, and what the read model rebuilds from the event store. */
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
        assertThat(mine).extracting(r -> r.attributes().get("id")).doesNotHaveDuplicates().doesNotContainNull();
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

    @Test
    void theCustomerListRebuiltFromTheEventStoreEqualsTheLiveOne() throws Exception {
        for (int i = 0; i < 12; i++) {
            String id = api.post("/api/v1/customers", admin, "{\"email\":\"rebuild" + i
                    + "@example.com\",\"teamName\":\"Rebuild " + i + "\",\"billingInfo\":{\"type\":\"ENTERPRISE\","
                    + "\"companyName\":\"Co " + i + "\"}}").json().get("id").asText();
            api.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"t" + (i % 3) + "\",\"all\"]}");
            if (i % 4 == 0) {
                api.put("/api/v1/customers/" + id + "/state", admin, "{\"state\":\"OFF\"}");
                api.patch("/api/v1/customers/" + id, admin, "{\"contactName\":\"C " + i + "\"}");
            }
        }
        api.await("/api/v1/customers?tag=all", admin, r -> r.json().get("total").asLong() == 12);
        awaitCaughtUp();
        List<Map<String, Object>> live = snapshot();

        StreamingEventProcessor projection = processing.eventProcessor(CustomerListProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        projection.shutDown();
        projection.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customer_list", Long.class)).isZero();
        projection.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!snapshot().equals(live) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(snapshot()).isEqualTo(live);
    }

    private void awaitCaughtUp() throws InterruptedException {
        StreamingEventProcessor projection = processing.eventProcessor(CustomerListProjection.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && projection.processingStatus().values().stream()
                .anyMatch(status -> !status.isCaughtUp())) {
            Thread.sleep(50);
        }
        Thread.sleep(300);
    }

    private List<Map<String, Object>> snapshot() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("""
                SELECT customer_id::text, platform_id::text, account, team_name, team_type, company_name,
                       contact_name, phone, address::text, billing_type, email_verified, balance_minor, credits_minor,
                       state, array_to_string(tags, '|') AS tags, registered_at, search_text
                  FROM customer_list ORDER BY customer_id"""));
        rows.addAll(jdbc.queryForList("""
                SELECT platform_id::text, facet, value, customers FROM customer_facet_counts
                 WHERE customers <> 0 ORDER BY 1, 2, 3"""));
        return rows;
    }
}
