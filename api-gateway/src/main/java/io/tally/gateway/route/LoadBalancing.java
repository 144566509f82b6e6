package io.tally.gateway.route;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Configuration;

/**
 * Spring Cloud LoadBalancer's view of the services: round robin (its default) over the instances
 * {@link ServiceInstances} offers for each, the ready ones ({@link InstancesOfOneService}, in each service's own
 * load-balancer context).
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstancesOfOneService.class)
class LoadBalancing {
}
