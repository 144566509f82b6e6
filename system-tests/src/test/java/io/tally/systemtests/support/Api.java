package io.tally.systemtests.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway's HTTP API as a client sees it: JSON in, status, headers and JSON out. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ApiContract contract;

    /** A client that checks nothing but what the caller asserts (the benchmarks use it). */
    public Api(URI base) {
        this(base, null);
    }

    /** A client that holds every exchange under {@code /api/} against the contract and fails on a departure. */
    public Api(URI base, ApiContract contract) {
        this.base = base;
        this.contract = contract;
    }

    public URI base() {
        return base;
    }

    /** One answer: its status, headers and body. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        String text = null;
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json");
            try {
                text = body instanceof String string ? string : JSON.writeValueAsString(body);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                List<String> violations = contract.violations(method, sent.uri(), sent.headers(), text,
                        response.statusCode(), response.headers(), response.body());
                if (!violations.isEmpty()) {
                    throw new AssertionError("The exchange departs from the API document:\n  "
                            + String.join("\n  ", violations) + "\nAnswer body: " + response.body());
                }
            }
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
