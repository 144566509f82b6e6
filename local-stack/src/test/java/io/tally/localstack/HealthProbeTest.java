package io.tally.localstack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void asksTheGatewayForItsReadinessAndTheServicesForTheirHealthOnTheirManagementPorts() {
        Ports ports = new Ports(300);

        assertThat(HealthProbe.endpoint(Services.GATEWAY, ports))
                .isEqualTo(URI.create("http://127.0.0.1:9380/actuator/health/readiness"));
        assertThat(HealthProbe.endpoint(Services.AUTH, ports))
                .isEqualTo(URI.create("http://127.0.0.1:9383/actuator/health"));
    }

    @Test
    void upOnlyWhenItAnswers200WithStatusUp() throws IOException {
        URI ready = answering("/ready", 200, "{\"status\":\"UP\"}");
        answering("/catching-up", 503, "{\"status\":\"OUT_OF_SERVICE\"}");
        answering("/odd", 200, "{\"status\":\"UNKNOWN\"}");
        HealthProbe probe = new HealthProbe();

        assertThat(probe.isUp(ready)).isTrue();
        assertThat(probe.isUp(ready.resolve("/catching-up"))).isFalse();
        assertThat(probe.isUp(ready.resolve("/odd"))).isFalse();
        assertThat(probe.isUp(URI.create("http://127.0.0.1:1/actuator/health"))).isFalse();
    }

    private URI answering(String path, int status, String body) throws IOException {
        if (server == null) {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.start();
        }
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
