package io.tally.gateway.management;

import io.tally.gateway.route.GatewayPaths;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.ReactiveHealthEndpointWebExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * {@code /actuator/health} and its groups ({@code /actuator/health/liveness}, {@code /actuator/health/readiness}) on
 * the public port, answered by the actuator's own health endpoint: the status alone, 503 when not UP, as on the
 * management port. A load balancer checks the gateway on the port it sends the traffic to. Everything else of the
 * actuator (metrics, info) answers on the management port only; a health component by name is the gateway's 404, as
 * the actuator shows no components.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealth {

    static final String HEALTH = GatewayPaths.ACTUATOR + "/health";

    @Bean
    public RouterFunction<ServerResponse> healthOnThePublicPort(ReactiveHealthEndpointWebExtension health) {
        return RouterFunctions.route()
                .GET(HEALTH, request -> answer(
                        health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)))
                .GET(HEALTH + "/{group}", request -> answer(health.health(ApiVersion.LATEST, WebServerNamespace.SERVER,
                        SecurityContext.NONE, request.pathVariable("group"))))
                .build();
    }

    private static Mono<ServerResponse> answer(Mono<WebEndpointResponse<? extends HealthComponent>> health) {
        return health.flatMap(response -> response.getBody() == null
                ? Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND))
                : ServerResponse.status(response.getStatus())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(response.getBody()));
    }
}
