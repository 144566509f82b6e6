package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down gives 503 at once, one that is too slow 504, and token keys that cannot
 * be fetched 503: each a problem, none a hang. Here auth-service and the ledger are down, and
 * customer-service answers its slow path after three seconds against a one-second timeout.
 */
@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=PT1S")
class UnavailableServicesIntegrationTest extends GatewayTest {

    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void downServices(DynamicPropertyRegistry registry) {
        registry.add("tally.services.customer", () -> CUSTOMER.uri().toString());
        registry.add("tally.services.auth", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("tally.services.ledger", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("tally.tokens.jwks-url", () -> "http://127.0.0.1:" + CLOSED_PORT + "/.well-known/jwks.json");
    }

    @Test
    void aServiceThatIsDownIsA503AtOnce() {
        long started = System.nanoTime();

        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody()
                .jsonPath("$.code").isEqualTo("service_unavailable")
                .jsonPath("$.detail").isEqualTo("auth-service is not answering: try again shortly.");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aSignInThroughTheSessionEndpointNamesTheServiceThatIsDown() {
        http.post().uri("/api/v1/session").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"ada@example.com\",\"password\":\"secret\"}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.code").isEqualTo("service_unavailable")
                .jsonPath("$.detail").isEqualTo("auth-service is not answering: try again shortly.");
    }

    @Test
    void aServiceThatIsTooSlowIsA504() {
        http.post().uri("/api/v1/public/slow").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("service_timeout")
                .jsonPath("$.detail").isEqualTo("customer-service did not answer in time.");
    }

    @Test
    void aServiceThatHangsUpIsA502SayingTheRequestMayHaveTakenEffect() {
        http.post().uri("/api/v1/public/hang-up").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service_connection_lost");
    }

    @Test
    void tokensThatCannotBeCheckedAreA503NotA401() {
        http.get().uri("/api/v1/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(UUID.randomUUID().toString()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("service_unavailable");
        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).isEmpty();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
