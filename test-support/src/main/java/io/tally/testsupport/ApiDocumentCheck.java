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
 * {@code Idempotency-Key} that is required wherever it is taken, a problem answer on every 4xx
 * and a security decision on every operation. {@link #keptDocumentDiffers} keeps the
 * document in the repository for the gateway's build to assemble and lint.
 */
public final class ApiDocumentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, SerializationFeature.INDENT_OUTPUT).build();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private ApiDocumentCheck() {
    }

    /** What is wrong with the document, one line each; empty when nothing is. */
    public static List<String> faults(JsonNode document) {
        List<String> faults = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
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
                }
            }
        }
        return faults;
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
