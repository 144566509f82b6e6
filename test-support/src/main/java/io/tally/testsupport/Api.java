package io.tally.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A plain HTTP client of the service, as the gateway or the console would call it. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** A response: its status, headers and body, with the body as JSON where it is JSON. */
    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + raw.body(), e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** {@code jsonBody} may be null for a POST without a body. */
    public Response post(String path, String token, String jsonBody) {
        return send(request(path, token).POST(jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** A POST whose body is sent as {@code contentType} instead of JSON. */
    public Response postAs(String path, String token, String contentType, String body) {
        return send(request(path, token).setHeader("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String token, String jsonBody) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response patch(String path, String token, String jsonBody) {
        return send(request(path, token).method("PATCH", HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** Polls a GET until the condition holds (the read model follows the events) or 10 s pass. */
    public Response await(String path, String token, Predicate<Response> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Response last = get(path, token);
        while (!condition.test(last) && System.nanoTime() < deadline) {
            sleep();
            last = get(path, token);
        }
        return last;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
