package io.tally.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tally.gateway.route.Backend;
import io.tally.gateway.route.ServiceAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole API as one OpenAPI document at {@code /docs/openapi.json}, assembled on each request
 * from the services' springdoc documents, read from their management ports, and the gateway's own
 * session endpoints ({@code session-api.json}); Swagger UI at {@code /docs} shows it. A service that
 * does not answer is left out and named in {@code info.x-missing-services}. {@link ApiDocsController}
 * serves it, and so does the gateway's {@code /v3/api-docs} ({@link GatewayApiDocs}).
 */
@Component
class WholeApiDocument {

    private static final Logger log = LoggerFactory.getLogger(WholeApiDocument.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** Where each service serves its springdoc document: on its management port, never on its API's. */
    static final String SERVICE_DOCUMENT = "/actuator/openapi";
    /** The gateway's own endpoints, described by hand: they are router functions, not controllers. */
    private static final String SESSION_API = "session-api.json";

    private final WebClient client;
    private final ServiceAddresses addresses;
    private final String version;
    private final JsonNode sessionApi;

    public WholeApiDocument(WebClient.Builder clients, ServiceAddresses addresses, ObjectMapper json,
                             @Value("${tally.version:0.1.0}") String version) throws IOException {
        this.client = clients.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build();
        this.addresses = addresses;
        this.version = version;
        try (InputStream in = WholeApiDocument.class.getResourceAsStream(SESSION_API)) {
            this.sessionApi = json.readTree(in);
        }
    }

    /** The document, assembled now from what the services answer. */
    public Mono<ObjectNode> assemble() {
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
                    merged.add("api-gateway", sessionApi);
                    return merged.missing(missing).document();
                });
    }

    private Mono<Optional<JsonNode>> fetch(Backend backend) {
        return client.get().uri(addresses.managementOf(backend).get(0).resolve(SERVICE_DOCUMENT))
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
