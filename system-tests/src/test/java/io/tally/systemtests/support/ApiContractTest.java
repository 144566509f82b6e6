package io.tally.systemtests.support;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check itself, on a small document: what it lets through and what it catches. */
class ApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1"},
             "paths": {"/api/v1/things/{id}": {
               "get": {"operationId": "thing",
                 "parameters": [
                   {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                   {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10}}],
                 "responses": {
                   "200": {"description": "ok", "content": {"application/json": {"schema": {
                     "type": "object", "required": ["name"],
                     "properties": {"name": {"type": "string"}, "amount": {"type": "string", "pattern": "^[0-9]+\\\\.[0-9]{2}$"}}}}}},
                   "400": {"description": "bad", "content": {"application/problem+json": {"schema": {
                     "type": "object", "properties": {"code": {"type": "string"}}}}}}}}}}}
            """;
    private static final String ID = "6f1c2a7e-3b1d-4c55-9a0e-1f2b3c4d5e6f";

    private final ApiContract contract = ApiContract.of(DOCUMENT);

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(get("/api/v1/things/" + ID + "?limit=5", 200, "application/json", "{\"name\":\"a\",\"amount\":\"1.00\"}"))
                .isEmpty();
    }

    @Test
    void anUndocumentedStatusFails() {
        assertThat(get("/api/v1/things/" + ID, 409, "application/problem+json", "{\"code\":\"x\"}"))
                .singleElement().asString().contains("409");
    }

    @Test
    void anUndocumentedFieldFails() {
        assertThat(get("/api/v1/things/" + ID, 200, "application/json", "{\"name\":\"a\",\"extra\":1}"))
                .singleElement().asString().contains("extra");
    }

    @Test
    void aWrongTypeOrPatternOrAMissingRequiredFieldFails() {
        assertThat(get("/api/v1/things/" + ID, 200, "application/json", "{\"name\":1}")).isNotEmpty();
        assertThat(get("/api/v1/things/" + ID, 200, "application/json", "{\"name\":\"a\",\"amount\":\"1.5\"}"))
                .isNotEmpty();
        assertThat(get("/api/v1/things/" + ID, 200, "application/json", "{\"amount\":\"1.50\"}")).isNotEmpty();
    }

    @Test
    void anUndocumentedMediaTypeFails() {
        assertThat(get("/api/v1/things/" + ID, 200, "text/plain", "name")).isNotEmpty();
    }

    @Test
    void anInvalidRequestThatWasRefusedIsATestedRefusal() {
        assertThat(get("/api/v1/things/" + ID + "?limit=50", 400, "application/problem+json", "{\"code\":\"limit\"}"))
                .isEmpty();
        assertThat(get("/api/v1/things/not-a-uuid", 400, "application/problem+json", "{\"code\":\"id\"}")).isEmpty();
    }

    @Test
    void anInvalidRequestThatWasAcceptedMeansTheDocumentIsWrong() {
        assertThat(get("/api/v1/things/" + ID + "?limit=50", 200, "application/json", "{\"name\":\"a\"}"))
                .singleElement().asString().contains("yet it was accepted");
    }

    @Test
    void aRefusalStillHasToBeDocumented() {
        assertThat(get("/api/v1/things/" + ID + "?limit=50", 400, "application/json", "{\"code\":\"limit\"}"))
                .isNotEmpty();
    }

    @Test
    void anUndocumentedOperationMustBeRefused() {
        assertThat(get("/api/v1/nowhere", 404, "application/problem+json", "{}")).isEmpty();
        assertThat(get("/api/v1/nowhere", 200, "application/json", "{}"))
                .singleElement().asString().contains("no such operation");
        assertThat(exchange("DELETE", "/api/v1/things/" + ID, 405, "application/problem+json", "{}")).isEmpty();
        assertThat(exchange("DELETE", "/api/v1/things/" + ID, 204, null, null)).isNotEmpty();
    }

    @Test
    void pathsOutsideTheApiAreNotItsBusiness() {
        assertThat(get("/docs/openapi.json", 200, "application/json", "{}")).isEmpty();
        assertThat(get("/", 200, "text/html", "<html></html>")).isEmpty();
    }

    private List<String> get(String target, int status, String contentType, String body) {
        return exchange("GET", target, status, contentType, body);
    }

    private List<String> exchange(String method, String target, int status, String contentType, String body) {
        HttpHeaders answerHeaders = HttpHeaders.of(
                contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return contract.violations(method, URI.create("http://127.0.0.1" + target), HttpHeaders.of(Map.of(), (n, v) -> true),
                null, status, answerHeaders, body);
    }
}
