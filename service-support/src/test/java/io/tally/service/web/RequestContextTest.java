package io.tally.service.web;

import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class RequestContextTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @ParameterizedTest
    @ValueSource(strings = {"req-42", "a", "abc.DEF_123:xyz-9", "4bf92f3577b34da6a3ce929d0e0e4736"})
    void keepsASafeCorrelationId(String correlationId) {
        assertThat(RequestContext.resolve(correlationId, null)).isEqualTo(correlationId);
    }

    @Test
    void keepsACorrelationIdOf128Characters() {
        String longest = "x".repeat(128);

        assertThat(RequestContext.resolve(longest, null)).isEqualTo(longest);
    }

    @Test
    void aSafeCorrelationIdWinsOverTheTraceparent() {
        assertThat(RequestContext.resolve("req-42", TRACEPARENT)).isEqualTo("req-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "line\r\nX-Injected: 1", "<script>", "ünïcode", "a/b", "a;b"})
    void replacesAnUnsafeCorrelationId(String unsafe) {
        assertThat(RequestContext.resolve(unsafe, null)).matches(UUID_PATTERN).isNotEqualTo(unsafe);
    }

    @Test
    void replacesACorrelationIdOf129Characters() {
        assertThat(RequestContext.resolve("x".repeat(129), null)).matches(UUID_PATTERN);
    }

    @Test
    void usesTheTraceIdOfTheTraceparentWithoutACorrelationId() {
        assertThat(RequestContext.resolve(null, TRACEPARENT)).isEqualTo(TRACE_ID);
        assertThat(RequestContext.resolve(null, "  " + TRACEPARENT + " ")).isEqualTo(TRACE_ID);
    }

    @Test
    void usesTheTraceIdOfTheTraceparentInsteadOfAnUnsafeCorrelationId() {
        assertThat(RequestContext.resolve("bad id", TRACEPARENT)).isEqualTo(TRACE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-4bf92f3577b34da6a3ce929d0e0e4736",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"})
    void replacesAGarbageTraceparentWithAUuid(String traceparent) {
        assertThat(RequestContext.resolve(null, traceparent)).matches(UUID_PATTERN);
    }

    @Test
    void withNothingEachRequestGetsANewUuid() {
        String first = RequestContext.resolve(null, null);
        String second = RequestContext.resolve(null, null);

        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @Test
    void theFilterEchoesTheIdAndExposesItOnlyDuringTheRequest() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader(RequestContext.CORRELATION_HEADER, "req-42");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seenByHandler = new AtomicReference<>();
        AtomicReference<String> seenInLogs = new AtomicReference<>();
        FilterChain chain = (req, res) -> {
            seenByHandler.set(RequestContext.correlationId());
            seenInLogs.set(MDC.get("correlationId"));
        };

        new RequestContext().doFilter(request, response, chain);

        assertThat(response.getHeader(RequestContext.CORRELATION_HEADER)).isEqualTo("req-42");
        assertThat(seenByHandler).hasValue("req-42");
        assertThat(seenInLogs).hasValue("req-42");
        assertThat(MDC.get("correlationId")).isNull();
        assertThat(RequestContext.correlationId()).matches(UUID_PATTERN);
    }

    @Test
    void theFilterEchoesTheTraceIdOfATraceparent() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader("traceparent", TRACEPARENT);
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestContext().doFilter(request, response, (req, res) -> { });

        assertThat(response.getHeader(RequestContext.CORRELATION_HEADER)).isEqualTo(TRACE_ID);
    }
}
