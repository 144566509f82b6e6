package io.tally.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a service's OpenAPI document must tell: a summary and a unique operationId per operation,
 * no springdoc {@code *}{@code /*} media type, no {@code Map} parameter shown as one object, an
 * {@code Idempotency-Key} that is required wherever it is taken, a problem answer on every 4xx,
 * a security decision on every operation, and answers a client can rely on: in every schema a
 * successful answer reaches, each property either required or described (its description says when
 * it is left out) and each with an example. {@link #keptDocumentDiffers} keeps the document in the
 * repository for the gateway's build to assemble and lint.
 */
public final class ApiDocumentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String SCHEMA_REF = "#/components/schemas/";

    private ApiDocumentCheck() {
    }

    /** What is wrong with the document, one line each; empty when nothing is. */
    public static List<String> faults(JsonNode document) {
        List<String> faults = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        Set<String> checkedSchemas = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = method.getValue();
                if (operation.path("summary").asText().isBlank()) {
                    faults.add(name + ": no summary");
                }
                String operationId = operation.path("operationId").asText();
                if (operationId.isBlank() || !operationIds.add(operationId)) {
                    faults.add(name + ": operationId '" + operationId + "' missing or not unique");
                }
                if (!operation.has("security")) {
                    faults.add(name + ": no security decision");
                }
                if (operation.toString().contains("\"*/*\"")) {
                    faults.add(name + ": media type */*");
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if ("object".equals(parameter.path("schema").path("type").asText())) {
                        faults.add(name + ": parameter '" + parameter.path("name").asText() + "' is an object");
                    }
                    if ("Idempotency-Key".equals(parameter.path("name").asText())
                            && !parameter.path("required").asBoolean()) {
                        faults.add(name + ": Idempotency-Key not required");
                    }
                }
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    JsonNode answer = response.getValue().has("$ref")
                            ? document.at(response.getValue().path("$ref").asText().substring(1))
                            : response.getValue();
                    if (response.getKey().startsWith("4") && !answer.path("content").has("application/problem+json")) {
                        faults.add(name + ": " + response.getKey() + " without a problem");
                    }
                    if (response.getKey().startsWith("2")) {
                        for (Map.Entry<String, JsonNode> media : answer.path("content").properties()) {
                            answerSchema(document, media.getValue().path("schema"),
                                    name + " " + response.getKey() + " " + media.getKey(), checkedSchemas, faults);
                        }
                    }
                }
            }
        }
        return faults;
    }

    /**
     * A schema a successful answer reaches, and every schema it reaches in turn (properties, items,
     * map values, compositions, references; each component once): each property is required or has a
     * description (so that whether it is always there was decided, and when it is not, said), and has
     * an example unless the schema as a whole has one; an object without properties has an example.
     */
    private static void answerSchema(JsonNode document, JsonNode schema, String where, Set<String> checked,
                                     List<String> faults) {
        if (!schema.isObject()) {
            return;
        }
        String reference = schema.path("$ref").asText();
        if (!reference.isEmpty()) {
            if (reference.startsWith(SCHEMA_REF) && checked.add(reference)) {
                String component = reference.substring(SCHEMA_REF.length());
                answerSchema(document, document.path("components").path("schemas").path(component), component,
                        checked, faults);
            }
            return;
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(composition)) {
                answerSchema(document, part, where, checked, faults);
            }
        }
        answerSchema(document, schema.path("items"), where + "[]", checked, faults);
        answerSchema(document, schema.path("additionalProperties"), where + "{}", checked, faults);
        JsonNode properties = schema.path("properties");
        boolean exemplified = hasExample(schema);
        if (properties.isEmpty() && !exemplified && isObject(schema)) {
            faults.add(where + ": an object answer without properties or an example");
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String field = where + "." + property.getKey();
            JsonNode value = property.getValue();
            if (!required.contains(property.getKey()) && value.path("description").asText().isBlank()) {
                faults.add(field + ": neither required nor described (say when it is left out)");
            }
            if (!exemplified && !exemplified(value)) {
                faults.add(field + ": no example");
            }
            answerSchema(document, value, field, checked, faults);
        }
    }

    /** An example of its own, or one in the schema it refers to, is made of or lists (checked there). */
    private static boolean exemplified(JsonNode schema) {
        if (hasExample(schema) || schema.has("$ref")) {
            return true;
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            if (!schema.path(composition).isEmpty()) {
                boolean all = true;
                for (JsonNode part : schema.path(composition)) {
                    all &= exemplified(part);
                }
                return all;
            }
        }
        return schema.has("items") && exemplified(schema.path("items"));
    }

    private static boolean hasExample(JsonNode schema) {
        return schema.has("example") || !schema.path("examples").isEmpty();
    }

    private static boolean isObject(JsonNode schema) {
        JsonNode type = schema.path("type");
        return "object".equals(type.asText()) || (type.isArray() && type.toString().contains("\"object\""))
                || schema.has("additionalProperties");
    }

    /**
     * Compares the service's document with the one kept in the repository
     * ({@code docs/openapi/<service>.json}, read by the gateway's build to assemble and lint the
     * whole API); a different document is written there and the difference named, so that a
     * change of the API is seen, reviewed and committed. The servers are left out (their port varies).
     */
    public static Optional<String> keptDocumentDiffers(String service, String document) {
        try {
            ObjectNode tree = (ObjectNode) JSON.readTree(document);
            tree.remove("servers");
            String sorted = SORTED.writeValueAsString(JSON.treeToValue(tree, Object.class)) + "\n";
            Path file = repositoryRoot().resolve(Path.of("docs", "openapi", service + ".json"));
            String kept = Files.exists(file) ? Files.readString(file) : "";
            if (kept.equals(sorted)) {
                return Optional.empty();
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, sorted);
            return Optional.of(file + " was out of date and has been rewritten: review the change and commit it.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("Not inside the repository: " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
