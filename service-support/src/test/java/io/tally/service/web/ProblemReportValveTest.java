package io.tally.service.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.valves.RemoteIpValve;
import org.apache.tomcat.util.res.StringManager;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat's refusals become the problems the gateway gives for the same refusals, with the headers of every other
 * answer, and the valve that writes them is the host's only error report.
 */
class ProblemReportValveTest {

    private static final IllegalArgumentException TOO_LARGE = new IllegalArgumentException(
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error"));

    /** As the services' mapper writes a problem: its properties at the top level. */
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @Test
    void aRequestLineOrHeadersOverTheLimitAreToldApartByWhetherTheRequestLineWasRead() {
        assertThat(ProblemReportValve.refusal(400, TOO_LARGE, false)).isEqualTo(HttpStatus.URI_TOO_LONG);
        assertThat(ProblemReportValve.refusal(400, TOO_LARGE, true))
                .isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        assertThat(ProblemReportValve.refusal(400, new IllegalArgumentException("Invalid character"), false))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemReportValve.refusal(400, null, true)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ProblemReportValve.refusal(505, null, true)).isEqualTo(HttpStatus.HTTP_VERSION_NOT_SUPPORTED);
        assertThat(ProblemReportValve.refusal(599, null, true)).isNull();
    }

    @Test
    void theCodesAreTheGatewaysAndOtherwiseTheReasonPhrase() {
        assertThat(ProblemReportValve.codeOf(HttpStatus.BAD_REQUEST)).isEqualTo("malformed_request");
        assertThat(ProblemReportValve.codeOf(HttpStatus.URI_TOO_LONG)).isEqualTo("uri_too_long");
        assertThat(ProblemReportValve.codeOf(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE))
                .isEqualTo("headers_too_large");
        assertThat(ProblemReportValve.codeOf(HttpStatus.PAYLOAD_TOO_LARGE)).isEqualTo("payload_too_large");
        assertThat(ProblemReportValve.codeOf(HttpStatus.HTTP_VERSION_NOT_SUPPORTED))
                .isEqualTo("http_version_not_supported");
        assertThat(ProblemReportValve.codeOf(HttpStatus.I_AM_A_TEAPOT)).isEqualTo("i_m_a_teapot");
    }

    @Test
    void theAnswerIsAProblemWithTheSecurityHeadersAndACorrelationId() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(RequestContext.CORRELATION_HEADER, "caller-id-1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemReportValve.answer(request, response, json, HttpStatus.URI_TOO_LONG);

        assertThat(response.getStatus()).isEqualTo(414);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("X-Correlation-Id")).isEqualTo("caller-id-1");
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("type").asText()).isEqualTo("https://tally.io/problems/uri-too-long");
        assertThat(problem.get("title").asText()).isEqualTo("URI Too Long");
        assertThat(problem.get("status").asInt()).isEqualTo(414);
        assertThat(problem.get("code").asText()).isEqualTo("uri_too_long");
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void itReplacesEveryOtherErrorReportOfTheHost() {
        StandardHost host = new StandardHost();
        ErrorReportValve springBoots = new ErrorReportValve();
        RemoteIpValve other = new RemoteIpValve();
        host.getPipeline().addValve(springBoots);
        host.getPipeline().addValve(other);

        ProblemReportValve.install(host, () -> json);

        Valve[] valves = host.getPipeline().getValves();
        assertThat(Arrays.stream(valves).filter(ErrorReportValve.class::isInstance))
                .singleElement().isInstanceOf(ProblemReportValve.class);
        assertThat(valves).contains(other);
        assertThat(host.getErrorReportValveClass()).isEqualTo(ProblemReportValve.class.getName());
    }
}
