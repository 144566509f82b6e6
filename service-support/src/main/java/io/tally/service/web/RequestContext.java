package io.tally.service.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request: the caller's {@code X-Correlation-Id}, else the trace id of
 * a W3C {@code traceparent}, else a new one. It is echoed in the response, logged, and carried
 * into the metadata of every command and event the request causes.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestContext extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static String correlationId() {
        String current = CURRENT.get();
        return current != null ? current : UUID.randomUUID().toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = resolve(request.getHeader(CORRELATION_HEADER), request.getHeader("traceparent"));
        CURRENT.set(correlationId);
        MDC.put("correlationId", correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            MDC.remove("correlationId");
        }
    }

    static String resolve(String correlationHeader, String traceparent) {
        if (correlationHeader != null && SAFE_ID.matcher(correlationHeader).matches()) {
            return correlationHeader;
        }
        if (traceparent != null) {
            var match = TRACEPARENT.matcher(traceparent.strip());
            if (match.matches()) {
                return match.group(1);
            }
        }
        return UUID.randomUUID().toString();
    }
}
