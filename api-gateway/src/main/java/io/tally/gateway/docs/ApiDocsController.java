package io.tally.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.gateway.route.Backend;
import io.tally.gateway.route.ServiceAddresses;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole API as one OpenAPI document at {@code /docs/openapi.json}, assembled on each request
 * from the services' springdoc documents; Swagger UI at {@code /docs} shows it. A service that
 * does not answer is left out and named in {@code info.x-missing-services}.
 */
@Hidden
@RestController
class ApiDocsController {

    private static final Logger log = LoggerFactory.getLogger(ApiDocsController.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);

    private final WebClient client;
    private final ServiceAddresses addresses;
    private final String version;

    public ApiDocsController(WebClient.Builder clients, ServiceAddresses addresses,
                             @Value("${tally.version:0.1.0}") String version) {
        this.client = clients.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        this.addresses = addresses;
        this.version = version;
    }

    @GetMapping(value = "/docs/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> openApi() {
        return Flux.fromArray(Backend.values())
                .flatMap(backend -> fetch(backend).map(document -> Map.entry(backend, document)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new TreeMap<>())
                .map(documents -> {
                    ApiDocument merged = new ApiDocument(version);
                    List<String> missing = new ArrayList<>();
                    for (Backend backend : Backend.values()) {
                        Optional<JsonNode> document = documents.get(backend);
                        if (document.isPresent()) {
                            merged.add(backend.serviceName(), document.get());
                        } else {
                            missing.add(backend.serviceName());
                        }
                    }
                    return merged.missing(missing).document();
                });
    }

    private Mono<Optional<JsonNode>> fetch(Backend backend) {
        return client.get().uri(addresses.of(backend).resolve("/v3/api-docs"))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(FETCH_TIMEOUT)
                .map(Optional::of)
                .onErrorResume(failure -> {
                    log.warn("No API document from {}: {}", backend.serviceName(), failure.toString());
                    return Mono.just(Optional.empty());
                });
    }
}
