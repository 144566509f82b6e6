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

/**
 * One OpenAPI document from the services' own: their paths, tags and components side by side.
 * A component whose name another service already used for a different shape is renamed with the
 * service's name in front, and that service's references follow it.
 */
final class ApiDocument {

    private static final String COMPONENT_REF = "#/components/";

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
        return merged;
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
