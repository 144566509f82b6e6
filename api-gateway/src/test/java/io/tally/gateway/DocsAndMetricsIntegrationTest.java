package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One API document for the whole system at /docs, and metrics per route on the management port, which serves the
 * actuator and nothing else; the public port serves health alone of the actuator.
 */
@AutoConfigureObservability
class DocsAndMetricsIntegrationTest extends GatewayTest {

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void assemblesOneDocumentFromTheServicesDocuments() {
        CUSTOMER.serveApiDocument("""
                {"openapi":"3.0.1","info":{"title":"customer-service","version":"1"},
                 "servers":[{"url":"http://127.0.0.1:8081"}],
                 "tags":[{"name":"customers"}],
                 "paths":{"/api/v1/customers":{"get":{"tags":["customers"],"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object","properties":{"items":{"type":"array"}}},
                                          "Problem":{"type":"object"}}}}""");
        LEDGER.serveApiDocument("""
                {"openapi":"3.0.1","info":{"title":"credit-ledger-service","version":"1"},
                 "tags":[{"name":"balance"}],
                 "paths":{"/api/v1/customers/{customerId}/billing-details":{"get":{"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}}}}}},
                 "components":{"schemas":{"Page":{"type":"object","properties":{"entries":{"type":"array"}}},
                                          "Problem":{"type":"object"}}}}""");
        AUTH.serveApiDocument("""
                {"openapi":"3.0.1","info":{"title":"auth-service","version":"1"},
                 "paths":{"/api/v1/auth/login":{"post":{"responses":{"200":{"description":"ok"}}}}}}""");

        http.get().uri("/docs/openapi.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Tally API")
                .jsonPath("$.info.x-missing-services").doesNotExist()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.paths['/api/v1/customers'].get").exists()
                .jsonPath("$.paths['/api/v1/customers/{customerId}/billing-details'].get").exists()
                .jsonPath("$.paths['/api/v1/auth/login'].post").exists()
                .jsonPath("$.tags[*].name").isEqualTo(List.of("customers", "balance", "session"))
                .jsonPath("$.paths['/api/v1/session'].post.operationId").isEqualTo("startSession")
                .jsonPath("$.components.schemas.Page.properties.items").exists()
                .jsonPath("$.components.schemas.CreditLedgerService_Page.properties.entries").exists()
                .jsonPath("$.components.schemas.Problem").exists()
                .jsonPath("$.components.schemas.CreditLedgerService_Problem").doesNotExist()
                .jsonPath("$.paths['/api/v1/customers/{customerId}/billing-details'].get.responses.200.content"
                        + "['application/json'].schema.$ref").isEqualTo("#/components/schemas/CreditLedgerService_Page")
                .jsonPath("$.paths['/api/v1/customers'].get.responses.200.content['application/json'].schema.$ref")
                .isEqualTo("#/components/schemas/Page");
    }

    @Test
    void servesSwaggerUiForTheWholeDocument() {
        http.get().uri("/docs").exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui/index.html");
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/docs/openapi.json");
    }

    @Test
    void countsRequestsPerRouteWithTheirStatus() {
        http.get().uri("/api/v1/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(UUID.randomUUID().toString()))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/credit-pool").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isUnauthorized();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"customers\""
                                + "[^}]*status=\"OK\"[^}]*} 1\\b")
                        .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"customers\"")
                        .contains("tally_gateway_revocations_active")
                        .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"")
                        // Spring Security's own observations (a timer per filter chain and decision) stay off.
                        .doesNotContain("spring_security_"));
    }

    @Test
    void thePublicPortServesHealthAloneOfTheActuator() {
        for (String health : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(health).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist();
        }
        for (String notHere : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.threads.live",
                "/actuator/info", "/actuator", "/actuator/health/diskSpace", "/actuator/health/nothing-here")) {
            http.get().uri(notHere).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void theManagementPortServesTheActuatorAndNothingOfTheApi() {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator/health",
                "/actuator/health/readiness")) {
            management().get().uri(path).exchange().expectStatus().isOk();
        }
        management().get().uri("/api/v1/customers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(UUID.randomUUID().toString()))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        for (String notHere : List.of("/docs/openapi.json", "/v3/api-docs", "/", "/customers", "/.well-known/jwks.json",
                "/schemas/io.tally.auth.SessionsRevoked.v1.json")) {
            management().get().uri(notHere).exchange().expectStatus().isNotFound();
        }
        stubs().forEach(stub -> assertThat(stub.received()).as("nothing reached %s", stub.name()).isEmpty());
    }

    private WebTestClient management() {
        return http.mutate().baseUrl("http://127.0.0.1:" + managementPort).build();
    }
}
