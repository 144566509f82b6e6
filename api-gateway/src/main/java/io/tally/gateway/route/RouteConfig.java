package io.tally.gateway.route;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.ConnectException;

/**
 * The gateway's routes, from {@link RouteTable}, in its order, each to its service through the load balancer
 * ({@code lb://<service>}, {@link LoadBalancing}). A request whose connection an instance refused goes to the next
 * one, whatever its method: a refused connection carried nothing to the service. Nothing else is tried again here,
 * since the service may have acted on it.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfig {

    @Bean
    @SuppressWarnings("unchecked") // RetryConfig.setExceptions takes a generic varargs of exception classes
    public RouteLocator tallyRoutes(RouteLocatorBuilder builder, ServiceInstances instances) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (int position = 0; position < RouteTable.ROUTES.size(); position++) {
            ServiceRoute route = RouteTable.ROUTES.get(position);
            int order = position;
            int others = instances.count(route.backend()) - 1;
            routes.route(route.id(), spec -> spec.order(order)
                    .path(route.pathArray())
                    .filters(filters -> others == 0 ? filters : filters.retry(retry -> retry
                            .setRetries(others)
                            .allMethods()
                            .setSeries()
                            .setStatuses()
                            .setExceptions(ConnectException.class)))
                    .uri("lb://" + route.backend().serviceName()));
        }
        return routes.build();
    }
}
