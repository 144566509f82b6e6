package io.tally.service.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A 500's ERROR line carries the correlation id its problem gives the client, so that the one finds the other. */
class UnexpectedFailureLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemHandler.class);
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
    void theClientsCorrelationIdIsInTheErrorLineAndTheProblem() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers");
        request.addHeader(RequestContext.CORRELATION_HEADER, "client-chosen-42");
        ProblemDetail problem = failDuring(request);
        assertThat(problem.getDetail()).endsWith("Correlation id: client-chosen-42");
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).contains("client-chosen-42");
            assertThat(line.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
    }

    @Test
    void aMadeUpCorrelationIdIsTheSameInTheErrorLineAndTheProblem() throws Exception {
        ProblemDetail problem = failDuring(new MockHttpServletRequest("GET", "/api/v1/customers"));
        String given = problem.getDetail().substring(problem.getDetail().lastIndexOf(' ') + 1);
        assertThat(given).isNotBlank();
        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).contains("correlation id " + given));
    }

    private static ProblemDetail failDuring(MockHttpServletRequest request) throws Exception {
        AtomicReference<ResponseEntity<ProblemDetail>> answer = new AtomicReference<>();
        new RequestContext().doFilter(request, new MockHttpServletResponse(),
                (req, res) -> answer.set(new ProblemHandler().unexpected(new IllegalStateException("boom"),
                        (HttpServletRequest) req)));
        assertThat(answer.get().getStatusCode().value()).isEqualTo(500);
        return answer.get().getBody();
    }
}
