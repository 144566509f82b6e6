package io.tally.gateway.route;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances of each service the gateway balances over ({@link ServiceAddresses}), and which of them are ready:
 * where a service has several, each one's management port is asked for its readiness every
 * {@code tally.services.health-interval} (2 s), and one that is not ready, or does not answer within a second, gets
 * no requests until it is again. Should none be ready, all are offered, so that a failed probe never refuses what
 * an instance might still serve. A service with one address (a Kubernetes Service, which balances itself) is not
 * probed.
 */
@Component
public class ServiceInstances {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);
    private static final String READINESS = "/actuator/health/readiness";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final Map<Backend, List<ServiceInstance>> instances = new EnumMap<>(Backend.class);
    private final Map<Backend, List<URI>> probes = new EnumMap<>(Backend.class);
    private final Set<String> notReady = ConcurrentHashMap.newKeySet();
    private final WebClient client;

    public ServiceInstances(ServiceAddresses addresses, WebClient.Builder clients, MeterRegistry meters) {
        this.client = clients.build();
        for (Backend backend : Backend.values()) {
            List<URI> api = addresses.of(backend);
            List<ServiceInstance> list = new ArrayList<>();
            for (int i = 0; i < api.size(); i++) {
                URI uri = api.get(i);
                list.add(new DefaultServiceInstance(backend.serviceName() + "-" + i, backend.serviceName(),
                        uri.getHost(), uri.getPort(), "https".equals(uri.getScheme())));
            }
            instances.put(backend, List.copyOf(list));
            List<URI> management = addresses.managementOf(backend);
            if (api.size() > 1 && management.size() == api.size()) {
                probes.put(backend, management);
            } else if (api.size() > 1) {
                log.warn("{} has {} instances but {} management addresses: its instances are not probed",
                        backend.serviceName(), api.size(), management.size());
            }
            Gauge.builder("tally.gateway.instances.ready", () -> ready(backend).size())
                    .description("Instances of the service the gateway sends requests to")
                    .tag("service", backend.serviceName()).register(meters);
        }
    }

    /** The service of this id ({@link Backend#serviceName()}). */
    public static Optional<Backend> backendOf(String serviceId) {
        for (Backend backend : Backend.values()) {
            if (backend.serviceName().equals(serviceId)) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }

    /** The instances to send the service's requests to: the ready ones, or all when none is. */
    public List<ServiceInstance> ready(Backend backend) {
        List<ServiceInstance> all = instances.get(backend);
        List<ServiceInstance> ready = all.stream().filter(instance -> !notReady.contains(instance.getInstanceId()))
                .toList();
        return ready.isEmpty() ? all : ready;
    }

    /** How many instances the service has in all. */
    public int count(Backend backend) {
        return instances.get(backend).size();
    }

    @Scheduled(fixedDelayString = "${tally.services.health-interval:PT2S}", initialDelay = 0)
    public void probe() {
        probes.forEach((backend, management) -> {
            List<ServiceInstance> all = instances.get(backend);
            Flux.range(0, all.size())
                    .flatMap(i -> ready(management.get(i)).map(up -> Map.entry(all.get(i).getInstanceId(), up)))
                    .doOnNext(result -> mark(result.getKey(), result.getValue()))
                    .blockLast(PROBE_TIMEOUT.multipliedBy(2));
        });
    }

    private Mono<Boolean> ready(URI management) {
        return client.get().uri(management.resolve(READINESS)).exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().is2xxSuccessful()))
                .timeout(PROBE_TIMEOUT)
                .onErrorReturn(false);
    }

    private void mark(String instanceId, boolean up) {
        boolean changed = up ? notReady.remove(instanceId) : notReady.add(instanceId);
        if (changed) {
            log.info("{} is {}", instanceId, up ? "ready again: it gets requests" : "not ready: it gets no requests");
        }
    }
}
