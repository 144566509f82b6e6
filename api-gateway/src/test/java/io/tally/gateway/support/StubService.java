package io.tally.gateway.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tally.testsupport.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for one service behind the gateway: a real HTTP server on a free port that records
 * what reached it and answers {@code {"service": name}}. It also serves the test key as JWKS, an
 * API document of the test's choosing (at {@link #API_DOCUMENT}: the stub stands for the service's
 * management port too), under {@code /api/v1/public/slow} an answer three seconds late, and under
 * {@code /api/v1/public/hang-up} no answer at all, the connection closed. A test may script the
 * answer of a path (status, headers, body) until the stub is cleared.
 */
public final class StubService {

    /** One request as the service saw it; header names in lower case. */
    public record Received(String method, String path, String query, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    /** Where a service serves its API document: {@code /actuator/openapi}, on its management port. */
    public static final String API_DOCUMENT = "/actuator/openapi";

    private final String name;
    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger documentFetches = new AtomicInteger();
    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final Map<String, Answer> scripted = new ConcurrentHashMap<>();

    /** An answer a test chose for a path. */
    private record Answer(int status, Map<String, String> headers, String body) {
    }

    public StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String name() {
        return name;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What reached the given path, newest last. */
    public List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Forgets what was received and the scripted answers. */
    public void clear() {
        received.clear();
        scripted.clear();
    }

    /** Answers requests to {@code path} with this status, headers and body (JSON unless a Content-Type is given). */
    public void answer(String path, int status, Map<String, String> headers, String body) {
        scripted.put(path, new Answer(status, Map.copyOf(headers), body));
    }

    /** How often the API document was fetched; those fetches are not among {@link #received()}. */
    public int documentFetches() {
        return documentFetches.get();
    }

    /** Serves the document where a service does, on its management port, which the stub shares with its API. */
    public void serveApiDocument(String json) {
        documents.put(API_DOCUMENT, json);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        if (path.equals("/.well-known/jwks.json")) {
            respond(exchange, 200, new JWKSet(new RSAKey.Builder(TestTokens.publicKey()).build()).toString());
            return;
        }
        if (documents.containsKey(path)) {
            documentFetches.incrementAndGet();
            respond(exchange, 200, documents.get(path));
            return;
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), String.join(",", values)));
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
                new String(requestBody, StandardCharsets.UTF_8)));
        Answer answer = scripted.get(path);
        if (answer != null) {
            answer.headers().forEach((header, value) -> exchange.getResponseHeaders().set(header, value));
            respond(exchange, answer.status(), answer.body());
            return;
        }
        if (path.startsWith("/api/v1/public/hang-up")) {
            exchange.close();
            return;
        }
        if (path.startsWith("/api/v1/public/slow")) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        respond(exchange, 200, "{\"service\":\"" + name + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** Not AutoCloseable on purpose: JUnit closes such parameters after each parameterized run. */
    public void stop() {
        server.stop(0);
    }
}
