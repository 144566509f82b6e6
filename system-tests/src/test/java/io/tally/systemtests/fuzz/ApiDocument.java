package io.tally.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the gateway's OpenAPI document as the fuzz needs them: method, path, parameters
 * and the request body's schema with every {@code $ref} and {@code allOf} resolved.
 */
final class ApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    /** One parameter: its name, where it goes (path, query, header, cookie), whether it must be there, its schema. */
    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** One operation; {@code body} is the resolved JSON schema of its request body, or null when it takes none. */
    record Operation(String id, String method, String path, List<Parameter> parameters, JsonNode body,
                     boolean bodyRequired, boolean secured) {

        List<Parameter> in(String place) {
            return parameters.stream().filter(parameter -> parameter.in().equals(place)).toList();
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    private ApiDocument(JsonNode document) {
        this.document = document;
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(operation(path.getKey(), entry.getKey(), entry.getValue(), path.getValue()));
            }
        }));
    }

    static ApiDocument parse(String json) {
        try {
            return new ApiDocument(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    private Operation operation(String path, String method, JsonNode operation, JsonNode pathItem) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode declared : source) {
                JsonNode parameter = resolve(declared);
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), schema(parameter.path("schema"))));
            }
        }
        JsonNode content = resolve(operation.path("requestBody")).path("content").path("application/json");
        JsonNode body = content.isMissingNode() ? null : schema(content.path("schema"));
        boolean secured = false;
        JsonNode security = operation.has("security") ? operation.path("security") : document.path("security");
        for (JsonNode requirement : security) {
            secured |= requirement.has("bearerAuth");
        }
        String id = operation.path("operationId").asText(method.toUpperCase(Locale.ROOT) + " " + path);
        return new Operation(id, method.toUpperCase(Locale.ROOT), path, List.copyOf(parameters), body,
                resolve(operation.path("requestBody")).path("required").asBoolean(false), secured);
    }

    /** The schema with its references followed and its {@code allOf} parts merged, all the way down. */
    JsonNode schema(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        ObjectNode merged = JSON.createObjectNode();
        if (resolved.has("allOf")) {
            for (JsonNode part : resolved.path("allOf")) {
                merge(merged, (ObjectNode) schema(part));
            }
        }
        resolved.properties().forEach(field -> {
            if (!field.getKey().equals("allOf")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        if (merged.has("properties")) {
            ObjectNode properties = JSON.createObjectNode();
            merged.path("properties").properties().forEach(property ->
                    properties.set(property.getKey(), schema(property.getValue())));
            merged.set("properties", properties);
        }
        if (merged.has("items")) {
            merged.set("items", schema(merged.path("items")));
        }
        return merged;
    }

    private static void merge(ObjectNode into, ObjectNode part) {
        for (Map.Entry<String, JsonNode> field : part.properties()) {
            if (field.getKey().equals("properties") && into.has("properties")) {
                ((ObjectNode) into.path("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && into.has("required")) {
                ((ArrayNode) into.path("required")).addAll((ArrayNode) field.getValue());
            } else {
                into.set(field.getKey(), field.getValue().deepCopy());
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String reference = current.path("$ref").asText();
            if (!reference.startsWith("#/")) {
                throw new IllegalStateException("An outside reference in the API document: " + reference);
            }
            current = document.at(reference.substring(1));
        }
        return current;
    }
}
