package io.tally.gateway.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tally.contracts.EventCatalog;
import io.tally.contracts.PublishedEvent;
import io.tally.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** Every published event's schema at the path of its $id, anonymously, cacheable. */
class EventSchemasIntegrationTest extends GatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        stubbedServices(registry);
    }

    @Test
    void servesEverySchemaAnonymouslyAtThePathOfItsId() throws Exception {
        for (Class<? extends PublishedEvent> type : EventCatalog.ALL) {
            byte[] kept;
            try (InputStream in = EventCatalog.class.getResourceAsStream(EventCatalog.schemaResource(type))) {
                kept = in.readAllBytes();
            }
            String path = URI.create(JSON.readTree(kept).path("$id").asText()).getPath();
            assertThat(path).isEqualTo("/schemas/" + EventCatalog.typeOf(type) + ".json");

            byte[] served = http.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType(MediaType.parseMediaType("application/schema+json"))
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                    .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                    .expectHeader().exists(HttpHeaders.ETAG)
                    .expectBody().returnResult().getResponseBody();
            assertThat(served).as(path).isEqualTo(kept);
        }
    }

    @Test
    void aClientRevalidatesByTheEtag() throws Exception {
        String path = "/schemas/io.tally.ledger.BalanceRefilled.v1.json";
        String etag = http.get().uri(path).exchange().expectStatus().isOk()
                .returnResult(byte[].class).getResponseHeaders().getETag();

        http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        JsonNode schema = JSON.readTree(http.get().uri(path).header(HttpHeaders.IF_NONE_MATCH, "\"other\"").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(schema.path("examples").size()).isPositive();
    }

    @Test
    void anUnknownSchemaIsTheGatewaysNotFoundProblemNotTheConsole() {
        http.get().uri("/schemas/io.tally.ledger.Unknown.v1.json").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/schemas/").exchange()
                .expectStatus().isNotFound();
    }
}
