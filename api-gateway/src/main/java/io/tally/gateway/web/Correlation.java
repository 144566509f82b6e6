package io.tally.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request leaves the gateway with a correlation id and a W3C {@code traceparent}: the
 * caller's {@code X-Correlation-Id} when well-formed, else the trace id of the caller's
 * {@code traceparent}, else a new trace id. The services put the id into the metadata of what
 * the request causes; the response carries it back, the gateway's own problems included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Correlation implements WebFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String TRACEPARENT_HEADER = "traceparent";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern TRACEPARENT =
            Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The ids a request carries on: the correlation id and a valid traceparent. */
    record Ids(String correlationId, String traceparent) {
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        Ids ids = resolve(request.getHeaders().getFirst(CORRELATION_HEADER),
                request.getHeaders().getFirst(TRACEPARENT_HEADER));
        ServerHttpRequest forwarded = request.mutate()
                .headers(headers -> {
                    headers.set(CORRELATION_HEADER, ids.correlationId());
                    headers.set(TRACEPARENT_HEADER, ids.traceparent());
                })
                .build();
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().set(CORRELATION_HEADER, ids.correlationId());
        // A service echoes the id too, and the route copies its headers in: the answer carries it once.
        response.beforeCommit(() -> {
            response.getHeaders().set(CORRELATION_HEADER, ids.correlationId());
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    static Ids resolve(String correlationHeader, String traceparentHeader) {
        String traceparent = validTraceparent(traceparentHeader);
        if (traceparent == null) {
            traceparent = "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
        }
        String correlationId = correlationHeader != null && SAFE_ID.matcher(correlationHeader).matches()
                ? correlationHeader
                : traceparent.substring(3, 35);
        return new Ids(correlationId, traceparent);
    }

    private static String validTraceparent(String header) {
        if (header == null) {
            return null;
        }
        Matcher match = TRACEPARENT.matcher(header.strip());
        return match.matches() && !INVALID_TRACE.equals(match.group(1)) && !INVALID_SPAN.equals(match.group(2))
                ? match.group() : null;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
