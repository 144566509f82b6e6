package io.tally.gateway.ratelimit;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits before the security chain: the gateway's own routes per client address, and an
 * address whose bearer tokens keep being refused is refused before its next token is checked.
 * Each test keeps to its own buckets (the address's API bucket is shared and left alone).
 */
@TestPropertySource(properties = {
        "tally.rate-limits.own.per-second=0.01", "tally.rate-limits.own.burst=3",
        "tally.rate-limits.refused-tokens.per-second=0.01", "tally.rate-limits.refused-tokens.burst=2"})
class EdgeRateLimitIntegrationTest extends GatewayTest {

    private static final String PLATFORM = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void theGatewaysOwnRoutesAreLimitedPerClientAddress() {
        CUSTOMER.serveApiDocument("{\"openapi\":\"3.0.1\",\"paths\":{}}");
        LEDGER.serveApiDocument("{\"openapi\":\"3.0.1\",\"paths\":{}}");
        AUTH.serveApiDocument("{\"openapi\":\"3.0.1\",\"paths\":{}}");
        http.get().uri("/docs/openapi.json").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/docs/openapi.json").exchange().expectStatus().isOk();
        int fetchesBefore = CUSTOMER.documentFetches();
        assertThat(fetchesBefore).as("the document was fetched from the service").isPositive();

        http.get().uri("/docs/openapi.json").exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isEqualTo(429);
        assertThat(CUSTOMER.documentFetches()).as("a refused call costs the services nothing")
                .isEqualTo(fetchesBefore);
        http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"someone\",\"password\":\"secret\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAddressSendingRefusedTokensIsRefusedBeforeItsNextTokenIsChecked() {
        String good = TestTokens.token("good-" + UUID.randomUUID(), "PLATFORM_ADMIN", PLATFORM);
        list("not-a-token").expectStatus().isUnauthorized();
        list(good + "x").expectStatus().isUnauthorized();

        list(good).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        list("another-bad-one").expectStatus().isEqualTo(429);
        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).as("nothing got through").isEmpty();
        http.post().uri("/api/v1/public/email-verifications").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().value(status -> assertThat(status).as("an anonymous call is not a token")
                        .isNotEqualTo(401));
    }

    private WebTestClient.ResponseSpec list(String token) {
        return http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
