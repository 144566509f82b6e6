package io.tally.gateway.web;

import io.tally.gateway.support.GatewayTest;
import io.tally.gateway.support.StubService;
import io.tally.testsupport.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 64 KiB body limit holds however a body is sent, over a raw connection as an attacker would
 * send it: a chunked body is refused once it goes over, before the rest of it is sent, and no
 * service sees any of it; one within the limit reaches the service whole, with its length.
 */
class BodyLimitIntegrationTest extends GatewayTest {

    private static final String REGISTRATIONS = "/api/v1/public/registrations";
    private static final String LOGIN = "/api/v1/auth/login";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @LocalServerPort
    int port;

    private RawHttp raw;

    @BeforeEach
    void rawClient() {
        raw = new RawHttp(port);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedBeforeItsEndAndReachesNoService() {
        for (String path : new String[] {REGISTRATIONS, LOGIN}) {
            // 72 KiB of a body that does not end: the answer must come without the rest.
            String answer = raw.chunkedPost(path, RawHttp.filler(72 * 1024), 8 * 1024, false);
            assertThat(answer).as(path).startsWith("HTTP/1.1 413");
            assertThat(answer).containsIgnoringCase("content-type: application/problem+json")
                    .contains("\"code\":\"payload_too_large\"")
                    .containsIgnoringCase("X-Correlation-Id:");
        }
        assertThat(AUTH.received()).as("no service saw any of it").isEmpty();
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedWithoutReadingTheBody() {
        assertThat(raw.announcedPost(REGISTRATIONS, 20 * 1024 * 1024, RawHttp.filler(1024)))
                .startsWith("HTTP/1.1 413")
                .contains("\"code\":\"payload_too_large\"");
        assertThat(AUTH.received()).isEmpty();
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheServiceWholeWithItsLength() {
        byte[] body = RawHttp.filler(BodyLimit.MAX_BODY_BYTES);
        assertThat(raw.chunkedPost(REGISTRATIONS, body, 5000, true)).startsWith("HTTP/1.1 200");
        await().atMost(Duration.ofSeconds(10)).until(() -> !AUTH.received().isEmpty());
        StubService.Received received = AUTH.received().get(0);
        assertThat(received.path()).isEqualTo(REGISTRATIONS);
        assertThat(received.body()).isEqualTo(new String(body, StandardCharsets.US_ASCII));
        assertThat(received.header("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(received.header("Transfer-Encoding")).isNull();
    }

    @Test
    void anEmptyChunkedBodyIsSentOnEmpty() {
        assertThat(raw.chunkedPost(REGISTRATIONS, new byte[0], 1, true)).startsWith("HTTP/1.1 200");
        await().atMost(Duration.ofSeconds(10)).until(() -> !AUTH.received().isEmpty());
        assertThat(AUTH.received().get(0).body()).isEmpty();
        assertThat(AUTH.received().get(0).header("Content-Length")).isEqualTo("0");
    }
}
