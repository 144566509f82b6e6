package io.tally.customer;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.tally.customer.support.ServiceApiTest;
import io.tally.service.web.Dispatcher;
import io.tally.testsupport.Api;
import io.tally.testsupport.Api.Response;
import io.tally.testsupport.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of customer-service on one database and one broker, as two pods run it. Each caches the customers it
 * wrote, so each meets streams the other has grown since: edits taking turns between them are all applied, edits on
 * both at once to one customer are applied or refused as a concurrent change, none answered 5xx, and the list shows
 * the last of them.
 */
class TwoInstancesIntegrationTest extends ServiceApiTest {

    private static SecondInstance second;
    private static Api secondApi;

    @Autowired
    private MeterRegistry meters;

    @BeforeEach
    void secondInstance() {
        if (second == null) {
            second = SecondInstance.start(CustomerServiceApplication.class, "--spring.mail.host=127.0.0.1",
                    "--spring.mail.port=" + Integer.getInteger("tally.test.smtp-port"));
            secondApi = new Api(second.port());
        }
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    @Test
    void editsTakingTurnsBetweenTheInstancesAreEachApplied() {
        String id = create();
        List<Api> instances = List.of(api, secondApi);
        for (int i = 0; i < 12; i++) {
            Api instance = instances.get(i % 2);
            Response tagged = instance.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"turn-" + i + "\"]}");
            assertThat(tagged.status()).as("turn %d: %s", i, tagged).isEqualTo(204);
            Response renamed = instance.patch("/api/v1/customers/" + id, admin, "{\"teamName\":\"Team " + i + "\"}");
            assertThat(renamed.status()).as("turn %d: %s", i, renamed).isEqualTo(204);
        }
        JsonNode row = api.await("/api/v1/customers/" + id, admin,
                r -> r.json().path("teamName").asText().equals("Team 11")).json();
        assertThat(row.get("tags").get(0).asText()).isEqualTo("turn-11");
        assertThat(api.await("/api/v1/customers?tag=turn-11", admin, r -> r.json().get("total").asLong() == 1)
                .json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/customers?tag=turn-10", admin).json().get("total").asLong()).isZero();
        assertThat(resent()).as("each instance met the other's newer stream and sent its edit again")
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void editsOnBothInstancesAtOnceToOneCustomerAreAppliedOrRefusedAsConcurrent() throws Exception {
        String id = create();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<List<Response>>> done = new ArrayList<>();
        try {
            for (int client = 0; client < 4; client++) {
                Api instance = client % 2 == 0 ? api : secondApi;
                int me = client;
                done.add(clients.submit(() -> {
                    List<Response> answers = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        answers.add(instance.put("/api/v1/customers/" + id + "/state", admin,
                                "{\"state\":\"" + (i % 2 == 0 ? "OFF" : "ON") + "\"}"));
                        answers.add(instance.put("/api/v1/customers/" + id + "/tags", admin,
                                "{\"tags\":[\"c" + me + "-" + i + "\"]}"));
                    }
                    return answers;
                }));
            }
            // Four writers on one customer can outrun the five resends: then the answer is the documented 409
            // concurrent_change (nothing applied, the client may send again), never a 5xx.
            for (Future<List<Response>> client : done) {
                List<Response> answers = client.get();
                assertThat(answers).allSatisfy(answer -> {
                    if (answer.status() != 204) {
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                        assertThat(answer.json().path("code").asText()).isEqualTo("concurrent_change");
                    }
                });
                assertThat(answers).filteredOn(answer -> answer.status() == 204).as("most edits applied")
                        .hasSizeGreaterThan(answers.size() / 2);
            }
        } finally {
            clients.shutdownNow();
        }
        // Whichever edit came last, the customer is in the list once, under one tag and one state.
        Response settled = secondApi.put("/api/v1/customers/" + id + "/tags", admin, "{\"tags\":[\"settled\"]}");
        assertThat(settled.status()).isEqualTo(204);
        assertThat(api.put("/api/v1/customers/" + id + "/state", admin, "{\"state\":\"ON\"}").status()).isEqualTo(204);
        api.await("/api/v1/customers?tag=settled&state=ON", admin, r -> r.json().get("total").asLong() == 1);
        JsonNode facets = api.get("/api/v1/customers?tag=settled", admin).json();
        assertThat(facets.get("total").asLong()).isEqualTo(1);
        for (int client = 0; client < 4; client++) {
            assertThat(api.get("/api/v1/customers?tag=c" + client + "-9", admin).json().get("total").asLong())
                    .as("an earlier tag no longer counts").isZero();
        }
    }

    private String create() {
        Response created = api.post("/api/v1/customers", admin, "{\"email\":\"two-" + UUID.randomUUID()
                + "@example.com\",\"teamName\":\"Two\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Commands sent again by both instances so far. */
    private double resent() {
        return meters.counter(Dispatcher.RESENT).count()
                + second.bean(MeterRegistry.class).counter(Dispatcher.RESENT).count();
    }
}
