package io.tally.gateway.management;

import io.tally.gateway.route.GatewayPaths;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The management port serves the actuator and nothing else. WebFlux's management server asks the application's
 * handlers too (its dispatcher takes the handler mappings of the parent context): without this filter the console,
 * the API documents and, where the management port is chosen at random, the API routes would answer there as well.
 * Anything outside {@code /actuator} that arrives there is the gateway's 404 problem, before any other check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ManagementPortFilter implements WebFilter {

    /** The server namespace of Spring Boot's management server. */
    static final String MANAGEMENT_SERVER = "management";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), MANAGEMENT_SERVER)
                && !isActuator(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }

    private static boolean isActuator(String path) {
        return path.equals(GatewayPaths.ACTUATOR) || path.startsWith(GatewayPaths.ACTUATOR + "/");
    }
}
