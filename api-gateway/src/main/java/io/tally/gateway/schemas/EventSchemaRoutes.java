package io.tally.gateway.schemas;

import io.tally.contracts.EventCatalog;
import io.tally.gateway.route.GatewayPaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /schemas/<type>.json}: the schema of each published type, read once from event-contracts on the class
 * path (the copy this gateway was built with), with an ETag, so that a client revalidates cheaply. Anonymous, and
 * readable from any origin: a schema is public documentation. An unknown name is the gateway's 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class EventSchemaRoutes {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");
    /**
     * A schema may still gain an optional field in place (docs/events.md, Versioning): kept an hour, then
     * revalidated by its ETag.
     */
    static final String CACHE_CONTROL = "public, max-age=3600";

    record Schema(byte[] body, String etag) {
    }

    @Bean
    public RouterFunction<ServerResponse> eventSchemas() {
        Map<String, Schema> schemas = EventCatalog.ALL.stream().collect(Collectors.toUnmodifiableMap(
                type -> GatewayPaths.SCHEMAS + "/" + EventCatalog.typeOf(type) + ".json",
                type -> read(EventCatalog.schemaResource(type))));
        return RouterFunctions.route(request -> isSchemaRead(request), request -> answer(schemas, request));
    }

    private static boolean isSchemaRead(ServerRequest request) {
        return (HttpMethod.GET.equals(request.method()) || HttpMethod.HEAD.equals(request.method()))
                && request.path().startsWith(GatewayPaths.SCHEMAS + "/");
    }

    private static Mono<ServerResponse> answer(Map<String, Schema> schemas, ServerRequest request) {
        Schema schema = schemas.get(request.path());
        if (schema == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        if (request.headers().header(HttpHeaders.IF_NONE_MATCH).contains(schema.etag())) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED)
                    .eTag(schema.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .build();
        }
        return ServerResponse.ok()
                .contentType(SCHEMA_JSON)
                .eTag(schema.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .header("X-Content-Type-Options", "nosniff")
                .body(BodyInserters.fromValue(schema.body()));
    }

    private static Schema read(String resource) {
        try (InputStream in = EventCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No schema " + resource + " on the class path (event-contracts)");
            }
            byte[] body = in.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            return new Schema(body, "\"" + digest.substring(0, 32) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
