package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Over its rate a caller gets 429 with Retry-After, and the request goes nowhere. */
@TestPropertySource(properties = {
        "tally.rate-limits.address.per-second=0.01", "tally.rate-limits.address.burst=3",
        "tally.rate-limits.subject.per-second=0.01", "tally.rate-limits.subject.burst=4"})
class RateLimitIntegrationTest extends GatewayTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    private static final String PLATFORM = UUID.randomUUID().toString();

    @Test
    void limitsSignInPerClientAddress() {
        long started = System.nanoTime();
        for (int attempt = 0; attempt < 3; attempt++) {
            login().expectStatus().isOk();
        }

        login().expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertRetryAfterOfAnEmptyBucket(retryAfter, started))
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        http.post().uri("/api/v1/public/email-verifications").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(429);

        assertThat(AUTH.receivedAt("/api/v1/auth/login")).hasSize(3);
        assertThat(CUSTOMER.receivedAt("/api/v1/public/email-verifications")).isEmpty();
    }

    @Test
    void limitsEachSubjectOnItsOwn() {
        String busy = TestTokens.token("busy-" + UUID.randomUUID(), "PLATFORM_ADMIN", PLATFORM);
        String other = TestTokens.token("other-" + UUID.randomUUID(), "PLATFORM_ADMIN", PLATFORM);
        long started = System.nanoTime();
        for (int request = 0; request < 4; request++) {
            list(busy).expectStatus().isOk();
        }

        list(busy).expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertRetryAfterOfAnEmptyBucket(retryAfter, started))
                .expectBody().jsonPath("$.code").isEqualTo("rate_limited");
        list(other).expectStatus().isOk();
        assertThat(CUSTOMER.receivedAt("/api/v1/customers")).hasSize(5);
    }

    /**
     * The Retry-After of an empty bucket at 0.01 tokens a second: 100 s, less what refilled since
     * the bucket's first request, which came after {@code started}.
     */
    private static void assertRetryAfterOfAnEmptyBucket(String retryAfter, long started) {
        long elapsedSeconds = (System.nanoTime() - started + 999_999_999L) / 1_000_000_000L;
        assertThat(Long.parseLong(retryAfter)).isBetween(100L - elapsedSeconds, 100L);
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login() {
        return http.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"someone\",\"password\":\"secret\"}").exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec list(String token) {
        return http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }
}
