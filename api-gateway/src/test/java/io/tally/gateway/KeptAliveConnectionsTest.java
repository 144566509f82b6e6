package io.tally.gateway;

import io.tally.gateway.support.GatewayTest;
import io.tally.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A client that keeps its connection open sends its next request the moment the answer to the last one has arrived.
 * Many of the gateway's answers are finished on a thread other than the connection's own (every routed answer, the
 * health checks), so the next request often arrives before the previous exchange is wound up; it must still be read
 * and answered, whatever follows it. Reactor Netty 1.2 stopped reading such a connection after a few dozen requests
 * (reactor/reactor-netty#4361): the client then waited for an answer that never came.
 */
class KeptAliveConnectionsTest extends GatewayTest {

    private static final int REQUESTS = 300;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
        registry.add("tally.rate-limits.own.per-second", () -> "100000");
        registry.add("tally.rate-limits.own.burst", () -> "100000");
    }

    @Test
    void answersEveryHealthCheckOnOneConnection() throws IOException {
        assertAllAnswered(List.of(get("/actuator/health", null)), 200);
    }

    @Test
    void answersRoutedAnswersAndImmediateRefusalsInTurnOnOneConnection() throws IOException {
        String token = TestTokens.admin(UUID.randomUUID().toString());
        assertAllAnswered(List.of(get("/api/v1/customers", token), get("/actuator/prometheus", null),
                get("/actuator/health/readiness", null), get("/actuator/info", null)), 200, 404, 200, 404);
    }

    private void assertAllAnswered(List<String> requests, int... statuses) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            for (int i = 0; i < REQUESTS; i++) {
                socket.getOutputStream().write(requests.get(i % requests.size()).getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                try {
                    assertThat(readStatus(in)).as("status of request %d", i).isEqualTo(statuses[i % statuses.length]);
                } catch (SocketTimeoutException stalled) {
                    fail("request %d on the kept-alive connection got no answer within 10 s", i);
                }
            }
        }
    }

    private static String get(String path, String token) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    /** Reads one whole answer (headers, then a body of its Content-Length) and gives its status. */
    private static int readStatus(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                fail("the gateway closed the connection");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = LENGTH.matcher(headers);
        assertThat(length.find()).as("a Content-Length in %s", headers).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        Matcher status = STATUS.matcher(headers.toUpperCase(Locale.ROOT));
        assertThat(status.find()).as("a status line in %s", headers).isTrue();
        return Integer.parseInt(status.group(1));
    }
}
