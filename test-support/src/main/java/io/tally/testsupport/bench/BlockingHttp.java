package io.tally.testsupport.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A benchmark's HTTP/1.1 client: each request is sent and read on the calling thread over a kept
 * alive connection (HttpURLConnection). The JDK's java.net.http client hands every request to
 * its selector thread and back, which on a 2-core machine took about a tenth of the CPU away from
 * the service being measured.
 */
public final class BlockingHttp {

    /** The JDK keeps only 5 idle connections per address unless told otherwise: one per client thread. */
    private static final String KEEP_ALIVE_CONNECTIONS = "http.maxConnections";

    static {
        if (System.getProperty(KEEP_ALIVE_CONNECTIONS) == null) {
            System.setProperty(KEEP_ALIVE_CONNECTIONS, "256");
        }
    }

    /** What came back: the status and the whole body, error bodies included. */
    public record Reply(int statusCode, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String baseUrl;
    private final int timeoutMillis;

    public BlockingHttp(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
    }

    /** {@code body} is sent as JSON when not null. */
    public Reply send(String method, String path, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
        connection.setConnectTimeout(timeoutMillis);
        connection.setReadTimeout(timeoutMillis);
        connection.setUseCaches(false);
        connection.setRequestMethod(method);
        headers.forEach(connection::setRequestProperty);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setDoOutput(true);
            // Buffered, not streamed: the body then leaves with the head in one write. Streamed,
            // the head is flushed first and the body follows as a second small packet.
            try (OutputStream out = connection.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = connection.getResponseCode();
        // Read to the end (and close the stream, not the connection), so the connection is reused.
        try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            return new Reply(status, in == null ? new byte[0] : in.readAllBytes());
        }
    }
}
