package io.tally.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * No request body of the API comes near 64 KiB, and none larger gets past the gateway, however
 * it is sent: a {@code Content-Length} over the limit is refused (413) before a byte of the body
 * is read; a body without one (chunked) is counted as it streams and gathered up to the limit,
 * refused the moment it goes over, and otherwise sent on whole, with its length, so that a
 * service never sees part of a body. The problem says {@code payload_too_large}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class BodyLimit implements WebFilter {

    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ProblemResponses problems;

    public BodyLimit(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        if (length > MAX_BODY_BYTES) {
            return tooLarge(exchange);
        }
        if (length >= 0 || !headers.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), MAX_BODY_BYTES)
                .map(body -> whole(exchange, body))
                .switchIfEmpty(Mono.fromSupplier(() -> whole(exchange, null)))
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, over -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        // The rest of the body is not read: the connection closes after the answer.
        exchange.getResponse().getHeaders().setConnection("close");
        return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                "A request body has at most " + MAX_BODY_BYTES + " bytes.");
    }

    /** The exchange with its body gathered: sent on with a {@code Content-Length} instead of chunks. */
    private static ServerWebExchange whole(ServerWebExchange exchange, DataBuffer body) {
        int size = body == null ? 0 : body.readableByteCount();
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(exchange.getRequest().getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(size);
        ServerHttpRequest gathered = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body == null ? Flux.empty() : Flux.just(body);
            }
        };
        return exchange.mutate().request(gathered).build();
    }
}
