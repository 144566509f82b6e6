package io.tally.gateway.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's own 500 is logged under the correlation id its answer carries. */
class GatewayErrorsLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(GatewayErrors.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void theErrorLineNamesTheAnswersCorrelationId() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/customers"));
        exchange.getResponse().getHeaders().set(Correlation.CORRELATION_HEADER, "gw-corr-7");
        new GatewayErrors(new ProblemResponses(new ObjectMapper())).handle(exchange, new IllegalStateException("boom"))
                .block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(lines.list).anySatisfy(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains("gw-corr-7");
        });
    }
}
