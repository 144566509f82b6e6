package io.tally.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.RawAnswer;
import io.tally.testsupport.RawHttp;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals that come before the application (the security firewall's, the HTTP decoder's) are
 * problems with the same security headers as every other answer, not empty bodies; none of them
 * reaches a service.
 */
class ContainerRefusalsIntegrationTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @LocalServerPort
    int port;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/v1/customers", "/api/v1/customers;x=1", "/api/v1/customers%2fx",
            "/api/v1/customers%00", "/api/v1/customers/%2e%2e/invitations", "/api/v1/customers%5cx"})
    void aPathTheFirewallRefusesIsA400Problem(String target) throws IOException {
        RawAnswer answer = get(target, "");
        assertThat(answer.status()).as(target).isEqualTo(400);
        assertProblem(answer, 400, "request_rejected");
        assertThat(stubs()).allSatisfy(stub -> assertThat(stub.received()).isEmpty());
    }

    /** Latin-1 on the wire: 0x85 is NEL, a control character, refused by the firewall when the token is read. */
    @Test
    void aBearerHeaderWithAControlCharacterIsA400ProblemAndNotForwarded() throws IOException {
        String token = TestTokens.admin(UUID.randomUUID().toString());
        assertProblem(get("/api/v1/customers", "Authorization: Bearer " + token + "\u0085\r\n"), 400,
                "request_rejected");
        assertThat(stubs()).allSatisfy(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void aHeaderNameWithAControlCharacterIsA400Problem() throws IOException {
        assertProblem(get("/api/v1/customers", "X-Note\u0085: a\r\n"), 400, "malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a b", "Bearer ", "bearer\u00E9x", "Bearer a=b", "Bearer abc\u00E9"})
    void aMalformedBearerHeaderIsA401ProblemAndNotForwarded(String authorization) throws IOException {
        RawAnswer answer = get("/api/v1/customers", "Authorization: " + authorization + "\r\n");
        assertProblem(answer, 401, "unauthenticated");
        assertThat(stubs()).allSatisfy(stub -> assertThat(stub.received()).isEmpty());
    }

    @Test
    void aRequestLineOverTheLimitIsA414Problem() throws IOException {
        assertProblem(get("/api/v1/customers?q=" + "a".repeat(20_000), ""), 414, "uri_too_long");
    }

    @Test
    void headersOverTheLimitAreA431Problem() throws IOException {
        assertProblem(get("/api/v1/customers", "X-Long: " + "b".repeat(20_000) + "\r\n"), 431, "headers_too_large");
    }

    @Test
    void aMalformedRequestLineIsA400Problem() throws IOException {
        assertProblem(RawAnswer.of(raw.send("GET /a b c\r\n\r\n")), 400, "malformed_request");
        assertProblem(RawAnswer.of(raw.send("GET /api/v1/customers HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n")), 400,
                "malformed_request");
    }

    @Test
    void theSecurityHeadersAreThoseOfEveryOtherAnswer() throws IOException {
        RawAnswer ordinary = get("/api/v1/nowhere", "");
        assertThat(ordinary.status()).isEqualTo(404);
        SecurityHeaders.ALL.forEach((name, value) ->
                assertThat(ordinary.headers()).containsEntry(name.toLowerCase(Locale.ROOT), value));
    }

    private RawAnswer get(String target, String headers) {
        return RawAnswer.of(raw.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                + "Connection: close\r\n\r\n"));
    }

    private static void assertProblem(RawAnswer answer, int status, String code) throws IOException {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(answer.headers()).containsKey("x-correlation-id");
        SecurityHeaders.ALL.forEach((name, value) ->
                assertThat(answer.headers()).as(name).containsEntry(name.toLowerCase(Locale.ROOT), value));
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).startsWith("https://tally.io/problems/");
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
