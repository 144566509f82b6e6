package io.tally.customer.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.customer.support.ServiceApiTest;
import io.tally.testsupport.RawAnswer;
import io.tally.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refusals Tomcat makes itself, before Spring MVC or Spring Security see the request (a request line or headers over
 * the limit, a request line, header or path that is not HTTP), are problems with the codes the gateway gives them
 * and the security headers of every other answer, not bare statuses; the service's own answers stay as they were.
 */
class ContainerRefusalsIntegrationTest extends ServiceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Spring Security writes on every answer that passes through it. */
    private static final List<String> SECURITY_HEADERS = List.of("cache-control", "pragma", "expires",
            "x-content-type-options", "x-frame-options", "x-xss-protection");

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
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
    void aMalformedRequestLineHeaderOrPathIsA400Problem() throws IOException {
        assertProblem(RawAnswer.of(raw.send("GET /a b c\r\n\r\n")), 400, "malformed_request");
        assertProblem(RawAnswer.of(raw.send("GET /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n")),
                400, "malformed_request");
        assertProblem(get("/api/v1/customers{x}", ""), 400, "malformed_request");
        assertProblem(get("/api/v1/customers%2fx", ""), 400, "malformed_request");
        assertProblem(get("/api/v1/customers%00", ""), 400, "malformed_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//api/v1/customers", "/api/v1/customers;x=1", "/api/v1/customers/%2e%2e/invitations"})
    void aPathTheFirewallRefusesIsA400Problem(String target) throws IOException {
        RawAnswer answer = get(target, "Authorization: Bearer " + admin + "\r\n");
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.headers()).as(answer.text()).containsEntry("content-type", "application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("request_rejected");
        RawAnswer ordinary = get("/api/v1/customers", "");
        for (String header : SECURITY_HEADERS) {
            assertThat(answer.headers()).as(header).containsEntry(header, ordinary.headers().get(header));
        }
    }

    /** Latin-1 on the wire: 0x85 is NEL, a control character, refused by the firewall when the token is read. */
    @Test
    void aBearerHeaderWithAControlCharacterIsA400Problem() throws IOException {
        RawAnswer answer = get("/api/v1/customers", "Authorization: Bearer " + admin + "\u0085\r\n");
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("request_rejected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer a b", "Bearer ", "Bearer a=b", "bearer\u00E9x", "Bearer abc\u00E9"})
    void aMalformedBearerHeaderIsA401Problem(String authorization) throws IOException {
        RawAnswer answer = get("/api/v1/customers", "Authorization: " + authorization + "\r\n");
        assertThat(answer.status()).as(answer.text()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void theServicesOwnAnswersAreUnchanged() throws IOException {
        RawAnswer unauthenticated = get("/api/v1/customers", "");
        assertThat(unauthenticated.status()).as(unauthenticated.text()).isEqualTo(401);
        assertThat(unauthenticated.headers()).containsEntry("content-type", "application/problem+json");
        assertThat(JSON.readTree(unauthenticated.body()).path("code").asText()).isEqualTo("unauthenticated");

        RawAnswer listed = get("/api/v1/customers", "Authorization: Bearer " + admin + "\r\n");
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.headers().get("content-type")).startsWith("application/json");
    }

    private RawAnswer get(String target, String headers) {
        return RawAnswer.of(raw.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                + "Connection: close\r\n\r\n"));
    }

    /** A problem, with the security headers an ordinary answer of the service carries, and their values. */
    private void assertProblem(RawAnswer answer, int status, String code) throws IOException {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.headers()).as(answer.text()).containsEntry("content-type", "application/problem+json");
        assertThat(answer.headers()).containsKey("x-correlation-id");
        assertThat(answer.headers()).as("the rest of the request is not read").containsEntry("connection", "close");
        RawAnswer ordinary = get("/api/v1/customers", "");
        for (String header : SECURITY_HEADERS) {
            assertThat(ordinary.headers()).as("an ordinary answer's " + header).containsKey(header);
            assertThat(answer.headers()).as(header).containsEntry(header, ordinary.headers().get(header));
        }
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).isEqualTo("https://tally.io/problems/" + code.replace('_', '-'));
        assertThat(problem.path("detail").asText()).isNotBlank();
    }
}
