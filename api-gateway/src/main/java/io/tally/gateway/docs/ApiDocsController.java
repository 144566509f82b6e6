package io.tally.gateway.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The whole API as one OpenAPI document at {@code /docs/openapi.json}; Swagger UI at {@code /docs} shows it. */
@Hidden
@RestController
class ApiDocsController {

    private final WholeApiDocument document;

    ApiDocsController(WholeApiDocument document) {
        this.document = document;
    }

    @GetMapping(value = "/docs/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ObjectNode> openApi() {
        return document.assemble();
    }
}
