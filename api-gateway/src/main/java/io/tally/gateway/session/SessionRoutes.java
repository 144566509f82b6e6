package io.tally.gateway.session;

import io.tally.gateway.route.GatewayPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The console's session endpoints, answered by the gateway itself. Who may call them is in
 * {@code SecurityConfig}; their rate limit is {@link SessionRateLimit}.
 */
@Configuration(proxyBeanMethods = false)
class SessionRoutes {

    @Bean
    RouterFunction<ServerResponse> sessions(SessionHandler handler) {
        return RouterFunctions.route()
                .POST(GatewayPaths.SESSION, handler::signIn)
                .POST(GatewayPaths.SESSION_REFRESH, handler::refresh)
                .DELETE(GatewayPaths.SESSION, handler::signOut)
                .GET(GatewayPaths.SESSION, handler::current)
                .build();
    }
}
