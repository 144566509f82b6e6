package io.tally.gateway.route;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's routes, from {@link RouteTable}, in its order. */
@Configuration(proxyBeanMethods = false)
class RouteConfig {

    @Bean
    public RouteLocator tallyRoutes(RouteLocatorBuilder builder, ServiceAddresses addresses) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (int position = 0; position < RouteTable.ROUTES.size(); position++) {
            ServiceRoute route = RouteTable.ROUTES.get(position);
            int order = position;
            routes.route(route.id(), spec -> spec.order(order)
                    .path(route.pathArray())
                    .uri(addresses.of(route.backend())));
        }
        return routes.build();
    }
}
