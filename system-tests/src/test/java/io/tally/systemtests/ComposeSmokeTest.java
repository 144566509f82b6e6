package io.tally.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Docker deployment end to end: builds the images from the modules, starts the repository's
 * {@code docker-compose.yml} (PostgreSQL, Kafka with SASL/SCRAM and ACLs, the four services, Prometheus, Mailpit)
 * with a password of its own for each that needs one, and checks through the gateway that the system is up, that the
 * provider signs in with the password the deployment was given, and that an anonymous request is refused with a
 * problem document.
 *
 * <p>It needs a Docker engine. The project's own build machines have none, so there it is skipped,
 * and the skip says why. A first run builds the images and takes several minutes.
 */
class ComposeSmokeTest {

    private static final String GATEWAY = "api-gateway";
    private static final int GATEWAY_PORT = 8080;
    private static final String PROVIDER_USERNAME = "provider@tally.local";
    private static final String PROVIDER_PASSWORD = "smoke-test-" + UUID.randomUUID();

    private static final boolean DOCKER = DockerClientFactory.instance().isDockerAvailable();

    private static ComposeContainer system;
    private static URI gateway;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startSystem() throws IOException {
        if (!DOCKER) {
            return;
        }
        system = new ComposeContainer(Path.of("..", "docker-compose.yml").toFile())
                .withLocalCompose(localComposeAvailable())
                .withBuild(true)
                .withEnv("TALLY_PROVIDER_USERNAME", PROVIDER_USERNAME)
                .withEnv("TALLY_PROVIDER_PASSWORD", PROVIDER_PASSWORD)
                .withEnv(generatedPasswords())
                .withEnv(freeHostPorts("TALLY_GATEWAY_PORT", "TALLY_PROMETHEUS_PORT", "TALLY_MAILPIT_PORT"))
                .withExposedService(GATEWAY, GATEWAY_PORT, Wait.forHttp("/actuator/health/readiness")
                        .forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(10)));
        system.start();
        gateway = URI.create("http://" + system.getServiceHost(GATEWAY, GATEWAY_PORT) + ":"
                + system.getServicePort(GATEWAY, GATEWAY_PORT));
    }

    /** Each test is reported as skipped, with the reason, where no Docker engine runs. */
    @BeforeEach
    void requireDocker() {
        assumeTrue(DOCKER, "No Docker engine on this machine: the compose smoke test runs only where Docker runs");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void gatewayReportsUp() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve("/actuator/health")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", json.readTree(response.body()).path("status").asText(), response.body());
    }

    @Test
    void providerSignsInWithTheConfiguredPassword() throws Exception {
        String credentials = json.writeValueAsString(
                Map.of("username", PROVIDER_USERNAME, "password", PROVIDER_PASSWORD));

        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(credentials)));

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(json.readTree(response.body()).path("accessToken").asText().isBlank(), response.body());
    }

    @Test
    void anonymousRequestIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve("/api/v1/customers")));

        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertEquals(401, response.statusCode(), response.body());
        assertTrue(contentType.startsWith("application/problem+json"), "Content-Type: " + contentType);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The deployment has no default password: each one it needs, made up for this run. */
    private static Map<String, String> generatedPasswords() {
        Map<String, String> passwords = new HashMap<>();
        for (String variable : List.of("POSTGRES_PASSWORD", "TALLY_DB_PASSWORD", "TALLY_KAFKA_ADMIN_PASSWORD",
                "TALLY_KAFKA_CUSTOMER_PASSWORD", "TALLY_KAFKA_LEDGER_PASSWORD", "TALLY_KAFKA_AUTH_PASSWORD",
                "TALLY_KAFKA_GATEWAY_PASSWORD")) {
            passwords.put(variable, UUID.randomUUID().toString().replace("-", ""));
        }
        return passwords;
    }

    /**
     * The Compose of this machine where there is one. Otherwise Testcontainers runs Compose in a
     * container, which first copies the whole repository into it, build output included.
     */
    private static boolean localComposeAvailable() {
        try {
            Process process = new ProcessBuilder("docker", "compose", "version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Host ports free at this moment, one per variable of docker-compose.yml, so that the published
     * ports clash with nothing already running here (./local-stack/run takes 8080, for one).
     */
    private static Map<String, String> freeHostPorts(String... variables) throws IOException {
        Map<String, String> ports = new HashMap<>();
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (String variable : variables) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports.put(variable, String.valueOf(socket.getLocalPort()));
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
