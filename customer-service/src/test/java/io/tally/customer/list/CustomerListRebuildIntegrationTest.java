package io.tally.customer.list;

import io.tally.customer.support.ServiceApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer list and its counts rebuilt from the event store equal the ones kept live. */
class CustomerListRebuildIntegrationTest extends ServiceApiTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate jdbc;

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
