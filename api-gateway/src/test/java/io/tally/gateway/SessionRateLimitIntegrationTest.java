package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session endpoints take from the routes' buckets: sign-in, refresh and sign-out from the
 * client address's, shared with auth-service's own sign-in route; the current session from its
 * subject's. Over the rate: 429 with Retry-After, and nothing reaches auth-service.
 */
@TestPropertySource(properties = {
        "tally.rate-limits.address.per-second=0.01", "tally.rate-limits.address.burst=4",
        "tally.rate-limits.subject.per-second=0.01", "tally.rate-limits.subject.burst=3"})
class SessionRateLimitIntegrationTest extends GatewayTest {

    private static final String PLATFORM = UUID.randomUUID().toString();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void signInsThroughEitherEndpointShareTheAddresssBucket() {
        AUTH.answer("/api/v1/auth/login", 200, Map.of(), "{\"accessToken\":\"a\",\"tokenType\":\"Bearer\","
                + "\"expiresIn\":900,\"refreshToken\":\"r\",\"refreshExpiresIn\":600}");
        long started = System.nanoTime();
        signIn("/api/v1/session").expectStatus().isOk();
        signIn("/api/v1/session").expectStatus().isOk();
        signIn("/api/v1/auth/login").expectStatus().isOk();
        http.delete().uri("/api/v1/session").exchange().expectStatus().isForbidden();

        signIn("/api/v1/session").expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertRetryAfterOfAnEmptyBucket(retryAfter, started))
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        http.post().uri("/api/v1/session/refresh").cookie("tally_session", "r").cookie("tally_csrf", "c")
                .header("X-CSRF-Token", "c").exchange()
                .expectStatus().isEqualTo(429);
        http.delete().uri("/api/v1/session").exchange().expectStatus().isEqualTo(429);
        signIn("/api/v1/auth/login").expectStatus().isEqualTo(429);

        assertThat(AUTH.receivedAt("/api/v1/auth/login")).hasSize(3);
        assertThat(AUTH.receivedAt("/api/v1/auth/refresh")).isEmpty();
    }

    @Test
    void theCurrentSessionIsLimitedPerSubject() {
        String polling = TestTokens.token("polling-" + UUID.randomUUID(), "CUSTOMER", PLATFORM);
        String other = TestTokens.token("other-" + UUID.randomUUID(), "CUSTOMER", PLATFORM);
        long started = System.nanoTime();
        for (int poll = 0; poll < 3; poll++) {
            current(polling).expectStatus().isOk();
        }

        current(polling).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertRetryAfterOfAnEmptyBucket(retryAfter, started))
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        current(other).expectStatus().isOk();
    }

    /**
     * The Retry-After of an empty bucket at 0.01 tokens a second: 100 s, less what refilled since
     * the bucket's first request, which came after {@code started}.
     */
    private static void assertRetryAfterOfAnEmptyBucket(String retryAfter, long started) {
        long elapsedSeconds = (System.nanoTime() - started + 999_999_999L) / 1_000_000_000L;
        assertThat(Long.parseLong(retryAfter)).isBetween(100L - elapsedSeconds, 100L);
    }

    private WebTestClient.ResponseSpec signIn(String path) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"someone\",\"password\":\"secret\"}").exchange();
    }

    private WebTestClient.ResponseSpec current(String token) {
        return http.get().uri("/api/v1/session").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
