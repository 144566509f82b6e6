package io.tally.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One OpenAPI document from the services' own: their paths, tags and components side by side.
 * A component whose name another service already used for a different shape is renamed with the
 * service's name in front, and that service's references follow it. Every operation then gains
 * what the gateway itself answers in front of the services: 502, 503 (with {@code Retry-After})
 * and 504 when a service fails it, 413 for a body over the limit, {@code Retry-After} on every
 * 429, and the {@code X-Correlation-Id} header on every request and answer.
 */
final class ApiDocument {

    private static final String COMPONENT_REF = "#/components/";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String RETRY_AFTER = "Retry-After";
    private static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Map<String, GatewayAnswer> GATEWAY_ANSWERS = new TreeMap<>(Map.of(
            "413", new GatewayAnswer("PayloadTooLarge",
                    "`payload_too_large`: the body is over the gateway's limit (64 KiB), however it was sent."),
            "502", new GatewayAnswer("ServiceConnectionLost", "`service_connection_lost`: the service dropped the"
                    + " connection before answering; the request may or may not have taken effect (send a money write"
                    + " again with the same Idempotency-Key)."),
            "503", new GatewayAnswer("ServiceUnavailable", "`service_unavailable`: the service is not answering, or"
                    + " tokens cannot be checked now; nothing was done. `Retry-After` says when to try again."),
            "504", new GatewayAnswer("ServiceTimeout", "`service_timeout`: the service did not answer in time; the"
                    + " request may or may not have taken effect.")));

    private final ObjectNode merged = JsonNodeFactory.instance.objectNode();
    private final Set<String> tagNames = new HashSet<>();

    public ApiDocument(String version) {
        merged.put("openapi", "3.0.1");
        merged.putObject("info")
                .put("title", "Tally API")
                .put("version", version)
                .put("description", "Every call goes through the api-gateway; the platform comes from the token.");
        merged.putArray("servers").addObject().put("url", "/");
        merged.putArray("tags");
        merged.putObject("paths");
        merged.putObject("components");
    }

    /** Adds one service's document. */
    public ApiDocument add(String service, JsonNode document) {
        JsonNode renamed = renameClashingComponents(service, document);
        copyFields(renamed.path("paths"), (ObjectNode) merged.get("paths"));
        JsonNode components = renamed.path("components");
        for (Map.Entry<String, JsonNode> kind : components.properties()) {
            copyFields(kind.getValue(), merged.withObjectProperty("components").withObjectProperty(kind.getKey()));
        }
        ArrayNode tags = (ArrayNode) merged.get("tags");
        for (JsonNode tag : renamed.path("tags")) {
            if (tagNames.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        }
        return this;
    }

    /** Notes the services whose documents could not be had, so that nobody takes the document as whole. */
    public ApiDocument missing(List<String> services) {
        if (!services.isEmpty()) {
            ((ObjectNode) merged.get("info")).put("x-missing-services", String.join(", ", services));
        }
        return this;
    }

    public ObjectNode document() {
        ObjectNode document = merged.deepCopy();
        ObjectNode components = document.withObjectProperty("components");
        for (JsonNode response : components.path("responses")) {
            ((ObjectNode) response).withObjectProperty("headers").set(CORRELATION_ID, reference("headers", CORRELATION_ID));
        }
        gatewayComponents(components);
        components.path("schemas").forEach(ApiDocument::noReferenceSiblings);
        for (JsonNode item : document.path("paths")) {
            for (Map.Entry<String, JsonNode> operation : item.properties()) {
                if (OPERATIONS.contains(operation.getKey())) {
                    gatewayAnswers((ObjectNode) operation.getValue());
                }
            }
        }
        return document;
    }

    /** What the gateway adds, described once: its answers, their headers, the correlation id parameter. */
    private static void gatewayComponents(ObjectNode components) {
        ObjectNode headers = components.withObjectProperty("headers");
        headers.set(CORRELATION_ID, header("The request's correlation id: the caller's own `X-Correlation-Id` if it"
                        + " sent a valid one, otherwise a new one. Every event the request caused carries it.",
                JsonNodeFactory.instance.objectNode().put("type", "string").put("pattern", "^[A-Za-z0-9._:-]{1,128}$")));
        headers.set(RETRY_AFTER, header("Seconds to wait before trying again.",
                JsonNodeFactory.instance.objectNode().put("type", "integer").put("minimum", 1)));
        ObjectNode parameter = components.withObjectProperty("parameters").putObject(CORRELATION_ID)
                .put("name", CORRELATION_ID).put("in", "header").put("required", false)
                .put("description", "A correlation id of the caller's own, echoed in the answer and carried by every"
                        + " event the request caused. Up to 128 of `A-Z a-z 0-9 . _ : -`; a missing or malformed one"
                        + " is replaced by a new one, never refused.");
        parameter.putObject("schema").put("type", "string");
        ObjectNode responses = components.withObjectProperty("responses");
        GATEWAY_ANSWERS.forEach((status, answer) -> {
            ObjectNode response = responses.putObject(answer.name()).put("description", answer.description());
            response.putObject("content").putObject(PROBLEM_JSON).putObject("schema")
                    .put("$ref", COMPONENT_REF + "schemas/Problem");
            ObjectNode answerHeaders = response.putObject("headers");
            answerHeaders.set(CORRELATION_ID, reference("headers", CORRELATION_ID));
            if ("503".equals(status)) {
                answerHeaders.set(RETRY_AFTER, reference("headers", RETRY_AFTER));
            }
        });
    }

    private static void gatewayAnswers(ObjectNode operation) {
        ObjectNode responses = operation.withObjectProperty("responses");
        GATEWAY_ANSWERS.forEach((status, answer) -> {
            if (!responses.has(status) && (!"413".equals(status) || operation.has("requestBody"))) {
                responses.set(status, reference("responses", answer.name()));
            }
        });
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            if (response.getValue() instanceof ObjectNode inline && !inline.has("$ref")) {
                ObjectNode headers = inline.withObjectProperty("headers");
                headers.set(CORRELATION_ID, reference("headers", CORRELATION_ID));
                if ("429".equals(response.getKey()) || "503".equals(response.getKey())) {
                    headers.set(RETRY_AFTER, reference("headers", RETRY_AFTER));
                }
            }
        }
        ArrayNode parameters = operation.withArrayProperty("parameters");
        boolean declared = false;
        for (JsonNode parameter : parameters) {
            declared |= CORRELATION_ID.equalsIgnoreCase(parameter.path("name").asText());
        }
        if (!declared) {
            parameters.add(reference("parameters", CORRELATION_ID));
        }
    }

    /**
     * The services write OpenAPI 3.1, where a schema may give a {@code $ref} a description of its
     * own; in the 3.0 document that sits beside a {@code $ref} is ignored, so the reference moves
     * into an {@code allOf} of one and the description stays.
     */
    private static void noReferenceSiblings(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("$ref") && object.size() > 1) {
                JsonNode reference = object.remove("$ref");
                object.putArray("allOf").addObject().set("$ref", reference);
            }
            object.elements().forEachRemaining(ApiDocument::noReferenceSiblings);
        } else if (schema instanceof ArrayNode array) {
            array.elements().forEachRemaining(ApiDocument::noReferenceSiblings);
        }
    }

    private static ObjectNode reference(String kind, String name) {
        return JsonNodeFactory.instance.objectNode().put("$ref", COMPONENT_REF + kind + "/" + name);
    }

    private static ObjectNode header(String description, ObjectNode schema) {
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("description", description);
        header.set("schema", schema);
        return header;
    }

    /** One answer the gateway gives in front of the services: its component's name and description. */
    private record GatewayAnswer(String name, String description) {
    }

    private JsonNode renameClashingComponents(String service, JsonNode document) {
        Map<String, String> renames = new HashMap<>();
        JsonNode existing = merged.path("components");
        for (Map.Entry<String, JsonNode> kind : document.path("components").properties()) {
            for (Map.Entry<String, JsonNode> entry : kind.getValue().properties()) {
                JsonNode known = existing.path(kind.getKey()).get(entry.getKey());
                if (known != null && !known.equals(entry.getValue())) {
                    renames.put(COMPONENT_REF + kind.getKey() + "/" + entry.getKey(),
                            COMPONENT_REF + kind.getKey() + "/" + prefix(service) + entry.getKey());
                }
            }
        }
        if (renames.isEmpty()) {
            return document;
        }
        JsonNode copy = document.deepCopy();
        rewriteReferences(copy, renames);
        ObjectNode components = (ObjectNode) copy.get("components");
        renames.keySet().forEach(reference -> {
            String[] parts = reference.substring(COMPONENT_REF.length()).split("/", 2);
            ObjectNode kind = (ObjectNode) components.get(parts[0]);
            kind.set(prefix(service) + parts[1], kind.remove(parts[1]));
        });
        return copy;
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            JsonNode reference = object.get("$ref");
            if (reference != null && renames.containsKey(reference.asText())) {
                object.put("$ref", renames.get(reference.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteReferences(child, renames));
        }
    }

    /** Fields of {@code from} into {@code to}; a path two services both describe gets both's operations. */
    private void copyFields(JsonNode from, ObjectNode to) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            JsonNode present = to.get(field.getKey());
            if (present instanceof ObjectNode presentObject && field.getValue() instanceof ObjectNode added
                    && !present.equals(added)) {
                presentObject.setAll(added);
            } else if (present == null) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }

    private static String prefix(String service) {
        StringBuilder name = new StringBuilder();
        for (String part : service.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append('_').toString();
    }
}
