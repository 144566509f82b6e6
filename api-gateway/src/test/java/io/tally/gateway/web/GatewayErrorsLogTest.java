package io.tally.gateway.web;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.testsupport.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own 500 is logged under the correlation id its answer carries. */
class GatewayErrorsLogTest {

    @Test
    void theErrorLineNamesTheAnswersCorrelationId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/customers"));
        exchange.getResponse().getHeaders().set(Correlation.CORRELATION_HEADER, "gw-corr-7");
        try (CapturedLogs logs = CapturedLogs.of(GatewayErrors.class)) {
            new GatewayErrors(new ProblemResponses(new ObjectMapper()))
                    .handle(exchange, new IllegalStateException("boom")).block();
            assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
            assertThat(logs.events()).anySatisfy(line -> {
                assertThat(line.getLevel()).isEqualTo(Level.ERROR);
                assertThat(line.getFormattedMessage()).contains("gw-corr-7");
            });
        }
    }
}
