package io.tally.gateway.session;

import io.tally.gateway.route.Backend;
import io.tally.gateway.route.GatewayPaths;
import io.tally.gateway.route.ServiceInstances;
import io.tally.gateway.web.ClientAddressHeader;
import io.tally.gateway.web.Correlation;
import io.tally.gateway.web.GatewayErrors;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * auth-service's session API, called by the gateway for the console. Each call carries what a
 * routed request would: the caller's address as {@code X-Forwarded-For} (auth-service throttles
 * failed sign-ins by it) and the request's correlation id and traceparent. It goes through the
 * routes' HTTP client and under their response timeout, to auth-service's ready instances in turn as the routes
 * are ({@code ServiceInstances}), the next one when one refuses the connection. Every answer comes back whole,
 * whatever its status, for the gateway to pass on.
 */
@Component
class AuthSessions {

    /** auth-service's answer: status, headers and the body as sent. */
    record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body) {
    }

    private static final byte[] NO_BODY = new byte[0];

    private final WebClient client;
    private final Duration responseTimeout;
    /** One per instance of auth-service: a refused connection moves to the next (it carried nothing). */
    private final int attempts;

    AuthSessions(WebClient.Builder clients, HttpClient routesClient, HttpClientProperties routesSettings,
                 ReactorLoadBalancerExchangeFilterFunction loadBalancer, ServiceInstances instances) {
        this.client = clients.clientConnector(new ReactorClientHttpConnector(routesClient))
                .filter(loadBalancer)
                .baseUrl("http://" + Backend.AUTH.serviceName())
                .build();
        this.attempts = instances.count(Backend.AUTH);
        this.responseTimeout = Optional.ofNullable(routesSettings.getResponseTimeout()).orElse(Duration.ofSeconds(30));
    }

    /** The sign-in body as the caller sent it, so that auth-service validates exactly that. */
    Mono<Answer> login(ServerWebExchange exchange, byte[] body, Optional<MediaType> contentType) {
        return client.post().uri(GatewayPaths.API + "/auth/login")
                .headers(headers -> {
                    forwarded(exchange, headers);
                    contentType.ifPresent(headers::setContentType);
                })
                .bodyValue(body)
                .exchangeToMono(AuthSessions::answer)
                .retryWhen(Retry.max(attempts - 1L).filter(e -> GatewayErrors.causedBy(e, ConnectException.class)))
                .timeout(responseTimeout);
    }

    Mono<Answer> refresh(ServerWebExchange exchange, String refreshToken) {
        return client.post().uri(GatewayPaths.API + "/auth/refresh")
                .headers(headers -> forwarded(exchange, headers))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken))
                .exchangeToMono(AuthSessions::answer)
                .retryWhen(Retry.max(attempts - 1L).filter(e -> GatewayErrors.causedBy(e, ConnectException.class)))
                .timeout(responseTimeout);
    }

    /** Ends every session of the token's account; auth-service checks the token. */
    Mono<Answer> logout(ServerWebExchange exchange, String authorization) {
        return client.post().uri(GatewayPaths.API + "/auth/logout")
                .headers(headers -> {
                    forwarded(exchange, headers);
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                })
                .exchangeToMono(AuthSessions::answer)
                .retryWhen(Retry.max(attempts - 1L).filter(e -> GatewayErrors.causedBy(e, ConnectException.class)))
                .timeout(responseTimeout);
    }

    private static void forwarded(ServerWebExchange exchange, HttpHeaders headers) {
        ClientAddressHeader.clientAddress(exchange)
                .ifPresent(address -> headers.set(ClientAddressHeader.FORWARDED_FOR, address));
        HttpHeaders received = exchange.getRequest().getHeaders();
        for (String name : new String[] {Correlation.CORRELATION_HEADER, Correlation.TRACEPARENT_HEADER}) {
            String value = received.getFirst(name);
            if (value != null) {
                headers.set(name, value);
            }
        }
    }

    private static Mono<Answer> answer(ClientResponse response) {
        return response.bodyToMono(byte[].class).defaultIfEmpty(NO_BODY)
                .map(body -> new Answer(response.statusCode(), response.headers().asHttpHeaders(), body));
    }
}
