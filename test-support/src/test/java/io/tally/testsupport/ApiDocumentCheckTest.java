package io.tally.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocumentCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One operation answering a page of figures: the page refers to its items, an item to an
     * optional nested object, and a 404 to a problem; the request body's schema has neither
     * required fields nor examples, which only answers must have.
     */
    private static final String GOOD = """
            {
              "openapi": "3.1.0",
              "paths": {
                "/api/v1/figures": {
                  "post": {
                    "summary": "Figures", "operationId": "figures", "security": [],
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ask"}}}},
                    "responses": {
                      "201": {
                        "description": "Created",
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}
                      },
                      "404": {
                        "description": "Not found",
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Refusal"}}}
                      }
                    }
                  }
                }
              },
              "components": {
                "schemas": {
                  "Ask": {"type": "object", "properties": {"q": {"type": "string"}}},
                  "Refusal": {"type": "object", "properties": {"code": {"type": "string"}}},
                  "Page": {
                    "type": "object",
                    "required": ["items"],
                    "properties": {
                      "items": {"type": "array", "items": {"$ref": "#/components/schemas/Figure"}},
                      "nextCursor": {"type": "string", "description": "Left out on the last page.", "example": "abc"}
                    }
                  },
                  "Figure": {
                    "type": "object",
                    "required": ["amount", "tags"],
                    "properties": {
                      "amount": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]{2}$", "example": "20.00"},
                      "tags": {"type": "array", "items": {"type": "string", "example": "vip"}},
                      "address": {"$ref": "#/components/schemas/Address", "description": "Left out until set."},
                      "parent": {"$ref": "#/components/schemas/Figure", "description": "Left out at the top."}
                    }
                  },
                  "Address": {
                    "type": "object",
                    "required": ["city"],
                    "properties": {"city": {"type": "string"}, "line2": {"type": "string", "description": "Left out when empty."}},
                    "example": {"city": "Berlin"}
                  }
                }
              }
            }""";

    @Test
    void a_document_whose_answers_decide_every_field_and_show_examples_passes() throws Exception {
        assertThat(ApiDocumentCheck.faults(JSON.readTree(GOOD))).isEmpty();
    }

    @Test
    void an_answer_field_neither_required_nor_described_is_a_fault_wherever_the_answer_reaches_it() throws Exception {
        JsonNode document = JSON.readTree(GOOD);
        ((ArrayNode) schema(document, "Figure").path("required")).removeAll().add("tags");
        ((ObjectNode) property(document, "Address", "line2")).remove("description");
        ((ObjectNode) property(document, "Page", "nextCursor")).put("description", " ");

        assertThat(ApiDocumentCheck.faults(document)).containsExactlyInAnyOrder(
                "Figure.amount: neither required nor described (say when it is left out)",
                "Address.line2: neither required nor described (say when it is left out)",
                "Page.nextCursor: neither required nor described (say when it is left out)");
    }

    @Test
    void an_answer_field_without_an_example_is_a_fault_unless_its_schema_has_one_or_it_refers_to_one() throws Exception {
        JsonNode document = JSON.readTree(GOOD);
        ((ObjectNode) property(document, "Figure", "amount")).remove("example");
        ((ObjectNode) property(document, "Figure", "tags").path("items")).remove("example");
        ((ObjectNode) schema(document, "Address")).remove("example");

        assertThat(ApiDocumentCheck.faults(document)).containsExactlyInAnyOrder(
                "Figure.amount: no example",
                "Figure.tags: no example",
                "Address.city: no example",
                "Address.line2: no example");
    }

    @Test
    void an_array_answer_an_inline_answer_and_a_map_answer_are_checked_too() throws Exception {
        JsonNode document = JSON.readTree(GOOD);
        ObjectNode created = (ObjectNode) document.at("/paths/~1api~1v1~1figures/post/responses/201/content/application~1json");
        created.putObject("schema").put("type", "array").putObject("items")
                .put("type", "object").putObject("properties").putObject("id").put("type", "string");

        assertThat(ApiDocumentCheck.faults(document)).containsExactlyInAnyOrder(
                "POST /api/v1/figures 201 application/json[].id: neither required nor described (say when it is left out)",
                "POST /api/v1/figures 201 application/json[].id: no example");

        created.putObject("schema").put("type", "object").putObject("additionalProperties").put("type", "string");

        assertThat(ApiDocumentCheck.faults(document))
                .containsExactly("POST /api/v1/figures 201 application/json: an object answer without properties or an example");

        ((ObjectNode) created.path("schema")).putObject("example").put("id", "42");

        assertThat(ApiDocumentCheck.faults(document)).isEmpty();
    }

    @Test
    void schemas_only_requests_and_refusals_reach_are_not_answers() throws Exception {
        JsonNode document = JSON.readTree(GOOD);
        ((ObjectNode) document.at("/paths/~1api~1v1~1figures/post/responses")).remove("201");
        ((ObjectNode) document.at("/paths/~1api~1v1~1figures/post/responses"))
                .putObject("204").put("description", "Done");

        assertThat(ApiDocumentCheck.faults(document)).isEmpty();
        assertThat(property(document, "Ask", "q").has("example")).isFalse();
        assertThat(property(document, "Refusal", "code").has("description")).isFalse();
    }

    @Test
    void the_operation_rules_still_hold() throws Exception {
        JsonNode document = JSON.readTree(GOOD);
        ObjectNode operation = (ObjectNode) document.at("/paths/~1api~1v1~1figures/post");
        operation.remove("summary");
        operation.remove("security");
        operation.withObjectProperty("responses").withObjectProperty("409").put("description", "Conflict");

        assertThat(ApiDocumentCheck.faults(document)).containsExactlyInAnyOrder(
                "POST /api/v1/figures: no summary",
                "POST /api/v1/figures: no security decision",
                "POST /api/v1/figures: 409 without a problem");
    }

    private static JsonNode schema(JsonNode document, String name) {
        return document.path("components").path("schemas").path(name);
    }

    private static JsonNode property(JsonNode document, String schema, String name) {
        return schema(document, schema).path("properties").path(name);
    }
}
