package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files at the gateway's root, its page for every address of its own, and the
 * headers that keep it from being cached stale, framed, sniffed or leaking its tokens; the API,
 * its documents and the actuator answer as before.
 */
@TestPropertySource(properties = "tally.console.location=classpath:/console-fixture/")
class ConsoleIntegrationTest extends GatewayTest {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @LocalServerPort
    private int port;

    @Test
    void servesThePageAtTheRootRevalidatedEachTime() throws IOException {
        WebTestClient.ResponseSpec page = http.get().uri("/").exchange();

        assertConsoleHeaders(page.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"));
        page.expectBody(String.class).isEqualTo(fixture("index.html"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/customers", "/customers/8d4f5a52-0c41-4b47-a3c9-7f3c0a8b9e21", "/customers/abc/",
            "/register?invitation=abc-123", "/verify-email?token=tok_42",
            "/p/0b5a6c1e-2f0d-4a8e-9d7c-1b2a3c4d5e6f/sign-in", "/index.html"})
    void answersTheConsolesOwnAddressesWithItsPage(String address) throws IOException {
        WebTestClient.ResponseSpec page = http.get().uri(address).exchange();

        assertConsoleHeaders(page.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"));
        page.expectBody(String.class).isEqualTo(fixture("index.html"));
        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    @Test
    void servesHashedAssetsForGoodWithTheirTypes() throws IOException {
        WebTestClient.ResponseSpec script = http.get().uri("/assets/app-3f9a1c2b.js").exchange();
        assertConsoleHeaders(script.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE));
        script.expectBody(String.class).isEqualTo(fixture("assets/app-3f9a1c2b.js"));

        WebTestClient.ResponseSpec style = http.get().uri("/assets/app-3f9a1c2b.css").exchange();
        assertConsoleHeaders(style.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, IMMUTABLE));
        style.expectBody(String.class).isEqualTo(fixture("assets/app-3f9a1c2b.css"));
    }

    @Test
    void servesOtherRootFilesRevalidated() throws IOException {
        WebTestClient.ResponseSpec icon = http.get().uri("/favicon.svg").exchange();

        assertConsoleHeaders(icon.expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("image/svg+xml")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"));
        icon.expectBody(String.class).isEqualTo(fixture("favicon.svg"));
    }

    @Test
    void answersHeadLikeGetWithoutTheBody() {
        assertConsoleHeaders(http.head().uri("/customers").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache"))
                .expectBody().isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/assets/app-00000000.js", "/assets/", "/assets", "/assets/nested/app-3f9a1c2b.js"})
    void aMissingAssetIsA404ProblemNotThePage(String address) {
        http.get().uri(address).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist("Content-Security-Policy")
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/../application.yml", "/assets/../../application.yml", "/%2e%2e/application.yml",
            "/assets/%2E%2E/%2e%2e/application.yml", "/..%2Fapplication.yml", "/assets/..%2f..%2fapplication.yml",
            "/..%5Capplication.yml", "/%252e%252e/application.yml", "/.%2e/application.yml",
            "/assets/%2e%2e%2f%2e%2e%2fapplication.yml", "/%00/application.yml", "/%zz/application.yml"})
    void refusesAddressesThatTryToLeaveTheConsole(String rawPath) throws IOException {
        String answer = rawGet(rawPath);

        // Spring Security's firewall refuses every one of these (400) before the console is asked;
        // ConsoleFilesTest shows that the console's own check refuses all of them too.
        assertThat(answer).doesNotContain("web-application-type", "Tally console fixture page");
        assertThat(answer).startsWith("HTTP/1.1 400 ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/.hidden", "/assets/.app-3f9a1c2b.js", "/.git/config"})
    void refusesDotNamesTheFirewallLetsThrough(String rawPath) throws IOException {
        assertThat(rawGet(rawPath)).startsWith("HTTP/1.1 404 ").contains("application/problem+json")
                .doesNotContain("Tally console fixture page");
    }

    @Test
    void leavesTheApiItsDocumentsAndTheActuatorAlone() {
        http.get().uri("/api/v1/unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
        http.get().uri("/api").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/customers").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("unauthenticated");
        http.get().uri("/docs").exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui/index.html");
        http.get().uri("/docs/openapi.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.info.title").isEqualTo("Tally API");
        http.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/docs/openapi.json");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/.well-known/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.keys[0].kty").isEqualTo("RSA");
        for (String notThePage : new String[] {"/actuator/nothing-here", "/webjars/nothing-here.js",
                "/.well-known/nothing-here"}) {
            http.get().uri(notThePage).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().doesNotExist("Content-Security-Policy");
        }
        assertThat(AUTH.receivedAt("/api/v1/unknown")).isEmpty();
    }

    @Test
    void otherMethodsOnConsoleAddressesAreNotThePage() {
        http.post().uri("/customers").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        stubs().forEach(stub -> assertThat(stub.received()).as(stub.name()).isEmpty());
    }

    private static WebTestClient.ResponseSpec assertConsoleHeaders(WebTestClient.ResponseSpec response) {
        return response
                .expectHeader().valueEquals("Content-Security-Policy", CSP)
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    private static String fixture(String path) throws IOException {
        return new ClassPathResource("console-fixture/" + path).getContentAsString(StandardCharsets.UTF_8);
    }

    /** Sends the path exactly as written: HTTP clients refuse or normalize some of these. */
    private String rawGet(String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
