package io.tally.gateway.web;

import io.tally.gateway.route.RouteTable;
import io.tally.gateway.route.ServiceRoute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's own failures as problems: no route (404), a service that does not answer (503
 * at once, with {@code Retry-After}), one that drops the connection before answering (502: the
 * request may have taken effect), one that answers too slowly (504), token keys that cannot be
 * fetched (503). Anything else is a 500 whose cause stays in the log.
 */
@Component
@Order(-2)
public class GatewayErrors implements ErrorWebExceptionHandler {

    /**
     * Names the service behind a call the gateway makes itself rather than through a route (the
     * console's sessions at auth-service), so that its failures name it as a route's would.
     */
    public static final String SERVICE_ATTRIBUTE = GatewayErrors.class.getName() + ".service";

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final ProblemResponses problems;

    public GatewayErrors(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        String service = routedService(exchange);
        if (!(failure instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError())) {
            log.warn("{} {} failed (correlation id {}): {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    exchange.getResponse().getHeaders().getFirst(Correlation.CORRELATION_HEADER), failure.toString());
        }
        if (causedBy(failure, ConnectException.class)) {
            return unavailable(exchange, service + " is not answering: try again shortly.");
        }
        if (causedBy(failure, IOException.class)) {
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, "service_connection_lost", service
                    + " closed the connection before answering: the request may or may not have taken effect;"
                    + " send it again (money writes with the same Idempotency-Key).");
        }
        if (causedBy(failure, AuthenticationServiceException.class)) {
            return unavailable(exchange, "Tokens cannot be checked now: try again shortly.");
        }
        if (causedBy(failure, TimeoutException.class)) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, "service_timeout",
                    service + " did not answer in time.");
        }
        if (failure instanceof ResponseStatusException status) {
            return statusProblem(exchange, status.getStatusCode(), service);
        }
        log.error("Unexpected failure on {} {} (correlation id {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), exchange.getResponse().getHeaders().getFirst(Correlation.CORRELATION_HEADER),
                failure);
        return problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "The gateway failed to handle this request.");
    }

    private Mono<Void> statusProblem(ServerWebExchange exchange, HttpStatusCode code, String service) {
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return switch (status) {
            case NOT_FOUND -> problems.write(exchange, status, "not_found", "No resource at this path.");
            case METHOD_NOT_ALLOWED -> problems.write(exchange, status, "method_not_allowed",
                    "This method is not allowed at this path.");
            case SERVICE_UNAVAILABLE -> unavailable(exchange, service + " is not available: try again shortly.");
            case GATEWAY_TIMEOUT -> problems.write(exchange, status, "service_timeout",
                    service + " did not answer in time.");
            case PAYLOAD_TOO_LARGE -> problems.write(exchange, status, "payload_too_large", "The request body is too large.");
            default -> problems.write(exchange, status, status.is4xxClientError() ? "bad_request" : "internal_error",
                    status.getReasonPhrase() + ".");
        };
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", detail);
    }

    private static String routedService(ServerWebExchange exchange) {
        String named = exchange.getAttribute(SERVICE_ATTRIBUTE);
        if (named != null) {
            return named;
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return (route == null ? java.util.Optional.<ServiceRoute>empty() : RouteTable.byId(route.getId()))
                .map(serviceRoute -> serviceRoute.backend().serviceName())
                .orElse("The service");
    }

    /** Whether the failure or one of its causes is of this type. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
