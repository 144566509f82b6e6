package io.tally.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.ApiDocumentCheck;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole API's document as the gateway assembles it from the services' real documents (kept
 * in {@code docs/openapi/} by each service's {@code ApiDocumentIntegrationTest}) and its own
 * session endpoints; written to {@code target/openapi/openapi.json} and linted with Redocly CLI's
 * recommended rules ({@code openapi-lint/}): any error fails the build, warnings are printed.
 */
class WholeApiDocumentIntegrationTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path KEPT = Path.of("..", "docs", "openapi");
    private static final Path LINT = Path.of("openapi-lint");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void oneDocumentWithOneSecuritySchemeOneProblemAndTheGatewaysSessions() throws Exception {
        CUSTOMER.serveApiDocument(Files.readString(KEPT.resolve("customer-service.json")));
        LEDGER.serveApiDocument(Files.readString(KEPT.resolve("credit-ledger-service.json")));
        AUTH.serveApiDocument(Files.readString(KEPT.resolve("auth-service.json")));

        byte[] body = http.get().uri("/docs/openapi.json").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode document = JSON.readTree(body);
        Path file = Path.of("target", "openapi", "openapi.json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), document);

        assertThat(document.path("info").has("x-missing-services")).isFalse();
        assertThat(ApiDocumentCheck.faults(document)).isEmpty();
        assertThat(names(document.at("/components/securitySchemes"))).containsExactly("bearerAuth");
        assertThat(names(document.at("/components/schemas")))
                .contains("Problem", "FieldError", "SessionTokens")
                .noneMatch(name -> name.endsWith("_Problem") || name.endsWith("_FieldError"));
        assertThat(document.at("/paths/~1api~1v1~1session").has("get")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1session").has("post")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1session").has("delete")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1session~1refresh").has("post")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1customers/get").has("operationId")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1auth~1login/post").has("operationId")).isTrue();
        assertThat(document.at("/paths/~1api~1v1~1credit-pool/get").has("operationId")).isTrue();

        JsonNode refill = document.at("/paths/~1api~1v1~1customers~1{customerId}~1balance~1refills/post");
        assertThat(names(refill.path("responses"))).as("the gateway's own answers in front of the service")
                .contains("413", "429", "502", "503", "504");
        assertThat(refill.at("/responses/503/description").asText()).as("the service's 503s and the gateway's")
                .contains("`outcome_unknown`", "`database_unavailable`", "`service_unavailable`");
        assertThat(refill.at("/responses/503/headers/Retry-After/$ref").asText())
                .isEqualTo("#/components/headers/Retry-After");
        assertThat(document.at("/components/responses/ServiceUnavailable/headers").has("Retry-After")).isTrue();
        assertThat(document.at("/components/responses/ServiceConnectionLost/content/application~1problem+json/schema/$ref")
                .asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(refill.at("/responses/429/headers/Retry-After/$ref").asText()).isEqualTo("#/components/headers/Retry-After");
        assertThat(refill.at("/responses/200/headers/X-Correlation-Id/$ref").asText())
                .isEqualTo("#/components/headers/X-Correlation-Id");
        assertThat(refill.path("parameters")).anyMatch(p -> "#/components/parameters/X-Correlation-Id".equals(p.path("$ref").asText()));
        assertThat(document.at("/components/parameters/X-Correlation-Id/required").asBoolean(true)).isFalse();
        JsonNode list = document.at("/paths/~1api~1v1~1customers/get/responses");
        assertThat(names(list)).as("no body, no 413").doesNotContain("413").contains("502", "503", "504");

        byte[] own = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        assertThat(JSON.readTree(own)).isEqualTo(document);
        http.get().uri("/v3/api-docs.yaml").exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/docs/openapi.json");

        assertThat(document.at("/components/schemas/CustomerRow/properties/address/allOf/0/$ref").asText())
                .as("a described reference, as OpenAPI 3.0 keeps its description").isEqualTo("#/components/schemas/PostalAddress");
        assertThat(document.at("/components/schemas/CustomerRow/properties/address/description").asText()).isNotBlank();

        assertThat(redoclyLint(file)).as("Redocly CLI finds no error").isZero();
    }

    /** Redocly CLI's recommended rules (openapi-lint/redocly.yaml); its report goes to the test's output. */
    private static int redoclyLint(Path document) throws IOException, InterruptedException {
        Path redocly = LINT.resolve(Path.of("node_modules", ".bin", "redocly"));
        assertThat(redocly).as("Redocly CLI installed by the build (npm ci in openapi-lint)").exists();
        ProcessBuilder command = new ProcessBuilder(redocly.toString(), "lint",
                "--config", LINT.resolve("redocly.yaml").toString(), "--format", "stylish", document.toString())
                .redirectErrorStream(true);
        command.environment().put("REDOCLY_TELEMETRY", "off");
        command.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = command.start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(2, TimeUnit.MINUTES)).as("Redocly CLI finished").isTrue();
        System.out.println(report);
        return lint.exitValue();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
