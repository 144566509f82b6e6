package io.tally.gateway.route;

import io.tally.gateway.support.GatewayTest;
import io.tally.gateway.support.StubService;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of customer-service behind the gateway: two stubs, and an address where nothing listens (a crashed
 * instance whose management port, here the first stub's, still says it is ready, so that only the refused
 * connection tells). Requests take turns between the instances that answer, one whose readiness fails gets none until
 * it is ready again, and a refused connection moves a request, a write with its body too, to the next instance.
 */
@TestPropertySource(properties = "tally.services.health-interval=PT1H")
class LoadBalancingIntegrationTest extends GatewayTest {

    private static final StubService SECOND = new StubService("customer-service-2");
    private static final String READINESS = "/actuator/health/readiness";
    private static final String PLATFORM = UUID.randomUUID().toString();

    @Autowired
    private ServiceInstances instances;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
        String crashed = "http://127.0.0.1:" + closedPort();
        registry.add("tally.services.customer", () -> CUSTOMER.uri() + "," + crashed + "," + SECOND.uri());
        registry.add("tally.services.management.customer", () -> CUSTOMER.uri() + "," + CUSTOMER.uri() + ","
                + SECOND.uri());
    }

    @AfterAll
    static void stopTheSecond() {
        SECOND.stop();
    }

    @BeforeEach
    void allReady() {
        CUSTOMER.clear();
        SECOND.clear();
        instances.probe();
    }

    @Test
    void requestsTakeTurnsBetweenTheInstancesThatAnswer() {
        for (int i = 0; i < 12; i++) {
            list().expectStatus().isOk();
        }

        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(SECOND.receivedAt("/api/v1/customers")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(CUSTOMER.receivedAt("/api/v1/customers").size() + SECOND.receivedAt("/api/v1/customers").size())
                .as("each request reached exactly one instance").isEqualTo(12);
    }

    @Test
    void anInstanceThatIsNotReadyGetsNoRequestsUntilItIsAgain() {
        SECOND.answer(READINESS, 503, Map.of(), "{\"status\":\"OUT_OF_SERVICE\"}");
        instances.probe();
        assertThat(instances.ready(Backend.CUSTOMER)).hasSize(2);

        for (int i = 0; i < 6; i++) {
            list().expectStatus().isOk();
        }
        assertThat(SECOND.receivedAt("/api/v1/customers")).isEmpty();
        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).hasSize(6);

        SECOND.clear();
        instances.probe();
        assertThat(instances.ready(Backend.CUSTOMER)).hasSize(3);
        for (int i = 0; i < 6; i++) {
            list().expectStatus().isOk();
        }
        assertThat(SECOND.receivedAt("/api/v1/customers")).isNotEmpty();
    }

    @Test
    void aRefusedConnectionMovesARequestToTheNextInstanceBodyAndAll() {
        for (int i = 0; i < 6; i++) {
            http.post().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, admin())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"email\":\"n" + i + "@example.com\"}")
                    .exchange().expectStatus().isOk();
        }

        assertThat(CUSTOMER.receivedAt("/api/v1/customers").size() + SECOND.receivedAt("/api/v1/customers").size())
                .isEqualTo(6);
        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).extracting(StubService.Received::body)
                .allMatch(body -> body.matches("\\{\"email\":\"n\\d@example.com\"}"));
        assertThat(SECOND.receivedAt("/api/v1/customers")).extracting(StubService.Received::body)
                .allMatch(body -> body.matches("\\{\"email\":\"n\\d@example.com\"}"));
    }

    private WebTestClient.ResponseSpec list() {
        return http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, admin()).exchange();
    }

    private static String admin() {
        return "Bearer " + TestTokens.admin(PLATFORM);
    }

    /** A port nothing listens on (taken, then given back). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
