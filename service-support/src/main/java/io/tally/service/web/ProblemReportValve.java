package io.tally.service.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Tomcat's error report, as a problem: what Tomcat answers itself, before any filter or servlet of the service runs (a
 * request line or headers over the limit, a request line, header or path that is not HTTP), is an RFC 7807 problem
 * with the gateway's codes for the same refusals, the security headers and a correlation id, like every other answer,
 * where Tomcat would write an HTML page. An answer with a body already (the application's) is left alone.
 */
final class ProblemReportValve extends ErrorReportValve {

    /**
     * Tomcat refuses a request line over the limit and headers over it alike, as a 400 with these words (in the
     * server's language): which of the two it was shows in whether the request line was read whole.
     */
    private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    /** Spring Security's default headers, which it writes on every answer that passes through it. */
    private static final HeaderWriter SECURITY_HEADERS = new CompositeHeaderWriter(List.of(
            new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(),
            new HstsHeaderWriter(), new XFrameOptionsHeaderWriter()));

    private final Supplier<ObjectMapper> objectMapper;

    ProblemReportValve(Supplier<ObjectMapper> objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * This valve as the host's error report, in place of any other (Spring Boot's, Tomcat's default): the host is
     * told its class too, or it would add Tomcat's own when it starts, to report before this one.
     */
    static void install(StandardHost host, Supplier<ObjectMapper> objectMapper) {
        Pipeline pipeline = host.getPipeline();
        for (Valve valve : pipeline.getValves()) {
            if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
            }
        }
        pipeline.addValve(new ProblemReportValve(objectMapper));
        host.setErrorReportValveClass(ProblemReportValve.class.getName());
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        HttpStatus status = refusal(response.getStatus(), throwable, request.getRequestURI() != null);
        // As Tomcat's own: nothing but an error, and not once the application has answered or another has reported.
        if (status == null || !status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            // Tomcat closes the connection after a request it could not read, but says so for some statuses only (not
            // for a 431, whose request's own Connection header went unread): said here for all.
            response.setHeader(HttpHeaders.CONNECTION, "close");
            answer(request, response, objectMapper.get(), status);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone, or the response cannot be written: there is nobody to tell.
        }
    }

    /**
     * What Tomcat refused: its status, but a request line or headers over the limit as the gateway answers them (414,
     * 431) where Tomcat says 400 for both; null for a status Spring does not know.
     */
    static HttpStatus refusal(int status, Throwable cause, boolean requestLineRead) {
        if (status == HttpStatus.BAD_REQUEST.value() && cause instanceof IllegalArgumentException
                && TOO_LARGE != null && TOO_LARGE.equals(cause.getMessage())) {
            return requestLineRead ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpStatus.URI_TOO_LONG;
        }
        return HttpStatus.resolve(status);
    }

    /** The problem, with the headers of every other answer. */
    static void answer(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                       HttpStatus status) throws IOException {
        answer(request, response, objectMapper, status, codeOf(status), detailOf(status));
    }

    /** A problem of this code and detail, with the headers of every other answer. */
    static void answer(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                       HttpStatus status, String code, String detail) throws IOException {
        SECURITY_HEADERS.writeHeaders(request, response);
        response.setHeader(RequestContext.CORRELATION_HEADER, RequestContext.resolve(
                request.getHeader(RequestContext.CORRELATION_HEADER), request.getHeader("traceparent")));
        ResourceServerSecurity.write(response, objectMapper, status, code, detail);
    }

    /** The gateway's codes for the refusals both make; the reason phrase, in snake case, for any other. */
    static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "malformed_request";
            case URI_TOO_LONG -> "uri_too_long";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "headers_too_large";
            case PAYLOAD_TOO_LARGE -> "payload_too_large";
            default -> Problems.codeOf(status);
        };
    }

    private static String detailOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not well-formed HTTP.";
            case URI_TOO_LONG -> "The request line is longer than the server takes.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are larger than the server takes.";
            case PAYLOAD_TOO_LARGE -> "The request body is too large.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
