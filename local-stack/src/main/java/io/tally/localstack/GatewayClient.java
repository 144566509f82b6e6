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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON over HTTP to the gateway, for the demo. Every call names its step, so that a refusal says
 * which step failed, with the status and the problem the service answered.
 */
final class GatewayClient {

    /** A step that did not succeed: no answer at all (status 0), or an answer other than 2xx. */
    static final class StepFailed extends RuntimeException {

        private final String step;
        private final int status;
        private final String body;

        StepFailed(String step, int status, String body) {
            super(step + " failed: " + (status == 0 ? body : "HTTP " + status + (body.isBlank() ? "" : " " + body)));
            this.step = step;
            this.status = status;
            this.body = body;
        }

        String step() {
            return step;
        }

        int status() {
            return status;
        }

        String body() {
            return body;
        }
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);

    private final URI base;
    private final Duration catchUp;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * @param catchUp how long a money write is retried while it answers 404: the ledger learns of
     *                platforms and customers from Kafka, a moment after they were created
     */
    GatewayClient(URI base, Duration catchUp) {
        this.base = base;
        this.catchUp = catchUp;
    }

    Map<String, Object> get(String step, String path, String token) {
        return send(step, request(path, Optional.of(token)).GET().build());
    }

    Map<String, Object> post(String step, String path, Optional<String> token, Map<String, ?> body) {
        return send(step, withJson(request(path, token), "POST", body).build());
    }

    Map<String, Object> put(String step, String path, String token, Map<String, ?> body) {
        return send(step, withJson(request(path, Optional.of(token)), "PUT", body).build());
    }

    /**
     * A money write under one Idempotency-Key, repeated with that same key while it answers 404:
     * should an earlier attempt have been applied after all, the repetition changes nothing.
     */
    Map<String, Object> moneyWrite(String step, String method, String path, String token, Map<String, ?> body) {
        HttpRequest request = withJson(request(path, Optional.of(token)), method, body)
                .header("Idempotency-Key", "demo-" + UUID.randomUUID())
                .build();
        Instant deadline = Instant.now().plus(catchUp);
        while (true) {
            try {
                return send(step, request);
            } catch (StepFailed failure) {
                if (failure.status() != 404 || Instant.now().isAfter(deadline)) {
                    throw failure;
                }
            }
            pause(step);
        }
    }

    private HttpRequest.Builder request(String path, Optional<String> token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(bearer -> request.header("Authorization", "Bearer " + bearer));
        return request;
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder request, String method, Map<String, ?> body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSONObjectUtils.toJSONString(body)));
    }

    private Map<String, Object> send(String step, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StepFailed(step, 0, "no answer from " + base + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed(step, 0, "interrupted");
        }
        String body = response.body();
        if (response.statusCode() / 100 != 2) {
            throw new StepFailed(step, response.statusCode(), body.strip());
        }
        if (body.isBlank()) {
            return Map.of();
        }
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new StepFailed(step, response.statusCode(), "an answer that is not a JSON object: " + body.strip());
        }
    }

    private static void pause(String step) {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed(step, 0, "interrupted");
        }
    }
}
