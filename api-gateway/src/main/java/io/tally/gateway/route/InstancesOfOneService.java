package io.tally.gateway.route;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * One service's instances, in that service's own load-balancer context: the ready ones {@link ServiceInstances}
 * offers at the moment of each request. Deliberately no {@code @Configuration}: Spring Cloud LoadBalancer creates it
 * once per service, and the application's own scanning must not.
 */
class InstancesOfOneService {

    @Bean
    ServiceInstanceListSupplier tallyInstances(Environment environment, ServiceInstances instances) {
        String serviceId = environment.getProperty(LoadBalancerClientFactory.PROPERTY_NAME);
        Backend backend = ServiceInstances.backendOf(serviceId)
                .orElseThrow(() -> new IllegalStateException("no Tally service is called " + serviceId));
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return serviceId;
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.defer(() -> Flux.just(instances.ready(backend)));
            }
        };
    }
}
