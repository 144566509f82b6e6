package io.tally.systemtests.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tally.systemtests.support.ApiContract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests exactly as a hostile or careless client sends them: any method, any header or none, any
 * bytes as the body, any content type. Each exchange is held against the gateway's API document
 * ({@link ApiContract}), and its departures are handed back with the answer instead of thrown, so that a
 * test can report every exchange that went wrong at once.
 */
public final class Wire {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final URI base;
    private final ApiContract contract;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Wire(URI base, ApiContract contract) {
        this.base = base;
        this.contract = contract;
    }

    /** The same client and document against another address: a service's own port. */
    public Wire at(URI otherBase) {
        return new Wire(otherBase, contract);
    }

    /** One request and its answer, with the answer's departures from the API document. */
    public record Exchange(String method, URI uri, Map<String, String> headers, String body, int status,
                           HttpHeaders responseHeaders, String responseBody, List<String> violations) {

        public JsonNode json() {
            if (responseBody == null || responseBody.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(responseBody);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        public String contentType() {
            return responseHeaders.firstValue("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        /** The problem's {@code code}, or null. */
        public String code() {
            return json().path("code").asText(null);
        }

        /** The fields the problem names in {@code errors}. */
        public List<String> fields() {
            return json().path("errors").findValuesAsText("field");
        }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>(headers);
            shown.computeIfPresent("Authorization", (name, value) -> value.substring(0, Math.min(value.length(), 20)) + "…");
            return method + " " + uri + " " + shown + (body == null ? "" : " body " + abbreviated(body, 300))
                    + "\n    → " + status + " " + contentType() + " " + abbreviated(responseBody, 600)
                    + (violations.isEmpty() ? "" : "\n    departs from the document: " + String.join("; ", violations));
        }
    }

    public Exchange send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        return send(method, pathAndQuery, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    public Exchange send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        URI uri = URI.create(base.toString().replaceAll("/$", "") + pathAndQuery);
        // Longer than the gateway's own wait for a service (30 s): a service that stalls shows as the gateway's 504
        // naming it, and a timeout here means the gateway itself did not answer.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(40));
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest sent = request.build();
        String text = body == null ? null : new String(body, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
            List<String> violations = contract.violations(method, uri, sent.headers(), text,
                    response.statusCode(), response.headers(), response.body());
            return new Exchange(method, uri, headers, text, response.statusCode(), response.headers(),
                    response.body(), violations);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Text percent-encoded as its UTF-8 bytes for a path or query, everything but letters, digits and
     * {@code -._~} escaped; a lone surrogate becomes the three bytes a careless encoder makes of it
     * (generalized UTF-8, which no decoder should take as text), so that it arrives as it was sent.
     */
    public static String encode(String text) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int codePoint = c;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                codePoint = Character.toCodePoint(c, text.charAt(++i));
            }
            if (codePoint < 0x80 && (Character.isLetterOrDigit(codePoint) || "-._~".indexOf(codePoint) >= 0)) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : utf8(codePoint)) {
                    encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        }
        return encoded.toString();
    }

    private static byte[] utf8(int codePoint) {
        if (codePoint < 0x80) {
            return new byte[]{(byte) codePoint};
        }
        if (codePoint < 0x800) {
            return new byte[]{(byte) (0xC0 | codePoint >> 6), (byte) (0x80 | codePoint & 0x3F)};
        }
        if (codePoint < 0x10000) {
            return new byte[]{(byte) (0xE0 | codePoint >> 12), (byte) (0x80 | codePoint >> 6 & 0x3F),
                    (byte) (0x80 | codePoint & 0x3F)};
        }
        return new byte[]{(byte) (0xF0 | codePoint >> 18), (byte) (0x80 | codePoint >> 12 & 0x3F),
                (byte) (0x80 | codePoint >> 6 & 0x3F), (byte) (0x80 | codePoint & 0x3F)};
    }

    static String abbreviated(String text, int length) {
        if (text == null) {
            return "";
        }
        return text.length() <= length ? text : text.substring(0, length) + "… (" + text.length() + " characters)";
    }
}
