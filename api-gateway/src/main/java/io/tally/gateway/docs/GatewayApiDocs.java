package io.tally.gateway.docs;

import io.tally.gateway.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The gateway's {@code /v3/api-docs} is the one document of the whole API, not springdoc's
 * empty document of the gateway (router functions come before springdoc's controller);
 * {@code /v3/api-docs.yaml} is gone. springdoc still serves Swagger UI's
 * {@code /v3/api-docs/swagger-config}, which points at {@code /docs/openapi.json}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayApiDocs {

    static final String API_DOCS = "/v3/api-docs";

    @Bean
    RouterFunction<ServerResponse> apiDocsRoutes(WholeApiDocument document, ProblemResponses problems) {
        return RouterFunctions.route()
                .GET(API_DOCS, request -> document.assemble().flatMap(whole ->
                        ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(whole)))
                .GET(API_DOCS + ".yaml", request -> problems.answer(request, HttpStatus.NOT_FOUND, "not_found",
                        "The API document is JSON: " + API_DOCS + " or /docs/openapi.json."))
                .build();
    }
}
