package io.tally.localstack;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks a service's actuator, on its management port, whether it is UP: 200 with status UP. A 503 (DOWN,
 * OUT_OF_SERVICE) or no answer means not yet.
 */
final class HealthProbe {

    static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static URI endpoint(Service service, Ports ports) {
        return endpoint(service, 0, ports);
    }

    static URI endpoint(Service service, int index, Ports ports) {
        return URI.create("http://" + Ports.LOOPBACK + ":" + ports.managementOf(service, index) + service.healthPath());
    }

    boolean isUp(URI endpoint) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && "UP".equals(JSONObjectUtils.parse(response.body()).get("status"));
        } catch (IOException | ParseException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchFailure("Interrupted while waiting for a service to be healthy");
        }
    }

    /** Answers how long it took. */
    Duration awaitHealthy(ChildProcess service, URI endpoint) {
        Instant started = Instant.now();
        Instant deadline = started.plus(HEALTHY_TIMEOUT);
        while (!isUp(endpoint)) {
            if (!service.isAlive()) {
                throw new LaunchFailure(service.name() + " exited with status " + service.exitValue()
                        + " before it was healthy", service.recentLines());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LaunchFailure(service.name() + " did not report UP on " + endpoint
                        + " within " + HEALTHY_TIMEOUT.toSeconds() + " s", service.recentLines());
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LaunchFailure("Interrupted while waiting for " + service.name());
            }
        }
        return Duration.between(started, Instant.now());
    }
}
