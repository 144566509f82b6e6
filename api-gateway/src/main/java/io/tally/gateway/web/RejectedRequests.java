package io.tally.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A request Spring Security's firewall refuses before anything else sees it (a path with
 * {@code //}, {@code ;}, an encoded {@code /} or {@code .}, a NUL, a header that is not text):
 * a 400 problem with the security headers, where the firewall alone answers an empty 400.
 */
@Component
class RejectedRequests implements ServerExchangeRejectedHandler {

    private final ProblemResponses problems;

    RejectedRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        exchange.getResponse().getHeaders().setAll(SecurityHeaders.ALL);
        return problems.write(exchange, HttpStatus.BAD_REQUEST, "request_rejected",
                "The request's path or headers are not allowed (for example `//`, `;`, an encoded `/`, `\\` or `.`,"
                        + " or a control character).");
    }
}
