package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.gateway.support.StubService;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every part of the API reaches the service that owns it, the more specific routes first. */
@TestPropertySource(properties = "tally.console.location=classpath:/no-console-here/")
class RoutingIntegrationTest extends GatewayTest {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    private static final String PLATFORM = UUID.randomUUID().toString();
    private static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> api() {
        return Stream.of(
                route("POST", "/api/v1/auth/login", null, AUTH),
                route("POST", "/api/v1/auth/refresh", null, AUTH),
                route("POST", "/api/v1/auth/logout", "CUSTOMER", AUTH),
                route("POST", "/api/v1/auth/logout", "PLATFORM_ADMIN", AUTH),
                route("POST", "/api/v1/platforms", "PROVIDER", AUTH),
                route("POST", "/api/v1/platforms/" + PLATFORM + "/admins", "PROVIDER", AUTH),
                route("PUT", "/api/v1/platforms/" + PLATFORM + "/credit-pool", "PROVIDER", LEDGER),
                route("POST", "/api/v1/signing-keys/rotation", "PROVIDER", AUTH),
                route("GET", "/api/v1/credit-pool", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/credit-pool/as-of", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/credit-pool/verification", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/customers", "PLATFORM_ADMIN", CUSTOMER),
                route("GET", "/api/v1/customers/export", "PLATFORM_ADMIN", CUSTOMER),
                route("POST", "/api/v1/customers", "PLATFORM_ADMIN", CUSTOMER),
                route("GET", "/api/v1/customers/" + ID, "PLATFORM_ADMIN", CUSTOMER),
                route("PATCH", "/api/v1/customers/" + ID, "PLATFORM_ADMIN", CUSTOMER),
                route("PUT", "/api/v1/customers/" + ID + "/billing-info", "PLATFORM_ADMIN", CUSTOMER),
                route("PUT", "/api/v1/customers/" + ID + "/state", "PLATFORM_ADMIN", CUSTOMER),
                route("PUT", "/api/v1/customers/" + ID + "/tags", "PLATFORM_ADMIN", CUSTOMER),
                route("POST", "/api/v1/customers/" + ID + "/balance/refills", "PLATFORM_ADMIN", LEDGER),
                route("POST", "/api/v1/customers/" + ID + "/balance/deductions", "PLATFORM_ADMIN", LEDGER),
                route("PUT", "/api/v1/customers/" + ID + "/credits", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/customers/" + ID + "/billing-details", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/customers/" + ID + "/billing-details/export", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/customers/" + ID + "/ledger/as-of", "PLATFORM_ADMIN", LEDGER),
                route("GET", "/api/v1/customers/" + ID + "/ledger/verification", "PLATFORM_ADMIN", LEDGER),
                route("POST", "/api/v1/customers/" + ID + "/password-resets", "PLATFORM_ADMIN", AUTH),
                route("POST", "/api/v1/customers/" + ID + "/password-resets/" + ID + "/confirmation",
                        "PLATFORM_ADMIN", AUTH),
                route("POST", "/api/v1/invitations", "PLATFORM_ADMIN", CUSTOMER),
                route("GET", "/api/v1/invitations", "PLATFORM_ADMIN", CUSTOMER),
                route("DELETE", "/api/v1/invitations/" + ID, "PLATFORM_ADMIN", CUSTOMER),
                route("POST", "/api/v1/public/registrations", null, AUTH),
                route("GET", "/api/v1/public/registrations/" + ID, null, AUTH),
                route("POST", "/api/v1/public/email-verifications", null, CUSTOMER),
                route("GET", "/api/v1/me", "CUSTOMER", CUSTOMER),
                route("PUT", "/api/v1/me/billing-info", "CUSTOMER", CUSTOMER),
                route("GET", "/api/v1/me/billing-details", "CUSTOMER", LEDGER),
                route("GET", "/api/v1/me/billing-details/export", "CUSTOMER", LEDGER),
                route("PUT", "/api/v1/me/password", "CUSTOMER", AUTH),
                route("PUT", "/api/v1/me/password", "PLATFORM_ADMIN", AUTH),
                route("GET", "/.well-known/jwks.json", null, AUTH));
    }

    private static Arguments route(String method, String path, String role, StubService owner) {
        return Arguments.of(method, path, role, owner);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @MethodSource("api")
    void reachesTheOwningServiceOnly(String method, String path, String role, StubService owner) {
        String token = role == null ? null : TestTokens.token("subject-" + UUID.randomUUID(), role,
                "PROVIDER".equals(role) ? null : PLATFORM);
        WebTestClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path + "?limit=5");
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        WebTestClient.RequestHeadersSpec<?> ready = method.equals("GET") || method.equals("DELETE") ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue("{\"amount\":\"1.00\"}");

        if (path.equals("/.well-known/jwks.json")) {
            ready.exchange().expectStatus().isOk().expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA");
            return;
        }
        ready.exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(owner.name());

        List<StubService.Received> reached = owner.receivedAt(path);
        assertThat(reached).hasSize(1);
        StubService.Received received = reached.get(0);
        assertThat(received.method()).isEqualTo(method);
        assertThat(received.query()).isEqualTo("limit=5");
        if (token != null) {
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
        }
        if (!method.equals("GET") && !method.equals("DELETE")) {
            assertThat(received.body()).isEqualTo("{\"amount\":\"1.00\"}");
        }
        stubs().stream().filter(stub -> stub != owner)
                .forEach(other -> assertThat(other.received()).as(other.name()).isEmpty());
    }

    @Test
    void answersWithOneCorrelationIdEvenWhenTheServiceEchoesIt() {
        CUSTOMER.answer("/api/v1/customers/echoing", 200, Map.of("X-Correlation-Id", "console-43"), "{}");

        List<String> values = http.get().uri("/api/v1/customers/echoing")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(PLATFORM))
                .header("X-Correlation-Id", "console-43")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().get("X-Correlation-Id");

        assertThat(values).containsExactly("console-43");
    }

    @Test
    void forwardsTheCallersAddressAndCorrelation() {
        http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(PLATFORM))
                .header("X-Correlation-Id", "console-42")
                .header("X-Forwarded-For", "203.0.113.9")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "console-42");

        StubService.Received received = CUSTOMER.receivedAt("/api/v1/customers").get(0);
        assertThat(received.header("X-Correlation-Id")).isEqualTo("console-42");
        assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(received.header("X-Forwarded-For")).isEqualTo("127.0.0.1");
    }

    @Test
    void takesTheTraceOfATraceparentAsCorrelationId() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        http.get().uri("/api/v1/customers").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(PLATFORM))
                .header("traceparent", traceparent)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "4bf92f3577b34da6a3ce929d0e0e4736");

        StubService.Received received = CUSTOMER.receivedAt("/api/v1/customers").get(0);
        assertThat(received.header("traceparent")).isEqualTo(traceparent);
        assertThat(received.header("X-Correlation-Id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void createsACorrelationIdWhereTheCallerGaveNoneOrAnUnsafeOne() {
        String created = http.get().uri("/api/v1/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(PLATFORM))
                .header("X-Correlation-Id", "no spaces or <tags> allowed")
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(created).matches("[0-9a-f]{32}");
        StubService.Received received = CUSTOMER.receivedAt("/api/v1/customers").get(0);
        assertThat(received.header("X-Correlation-Id")).isEqualTo(created);
        assertThat(received.header("traceparent")).startsWith("00-" + created + "-");
    }

    @Test
    void answersAPathNoServiceOwnsWithAProblem() {
        http.get().uri("/api/v1/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Correlation-Id")
                .expectBody()
                .jsonPath("$.code").isEqualTo("not_found")
                .jsonPath("$.type").isEqualTo("https://tally.io/problems/not-found")
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.instance").isEqualTo("/api/v1/nothing-here");
        stubs().forEach(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void withoutAConsoleTheRootIsTheSame404Problem() {
        http.get().uri("/").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        http.get().uri("/customers").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
