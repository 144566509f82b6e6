package io.tally.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * deploy/kubernetes as a cluster would receive it: an overlay rendered by {@code kubectl kustomize}, and every
 * object read with fabric8's Kubernetes model, strictly. The model keeps a field it does not know in an object's
 * "additional properties" rather than refusing it, so after reading, every object of the model is walked and any
 * such field is an error naming its path: a misspelt or misplaced field fails, as does a kind the model does not
 * know.
 */
final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();

    private Manifests() {
    }

    /** The repository's root: the build says where, or the working directory's parent. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("tally.repository-root", "..")).toAbsolutePath().normalize();
    }

    /** deploy/kubernetes/{@code relative}. */
    static Path kustomization(String relative) {
        return repositoryRoot().resolve("deploy/kubernetes").resolve(relative);
    }

    /** kubectl on the PATH, if there is one. */
    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code kubectl kustomize} of a kustomization directory: the objects it renders, as YAML. */
    static String render(Path kubectl, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize", ".yaml");
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + directory + " did not finish in 2 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readString(output, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    /** Every object of a YAML stream, each as its own model class; any field the model does not know fails. */
    static List<HasMetadata> read(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        for (JsonNode document : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
            if (document == null || document.isNull() || document.isEmpty()) {
                continue;
            }
            objects.add(strictly(document));
        }
        return objects;
    }

    private static HasMetadata strictly(JsonNode document) {
        String name = document.path("kind").asText("(no kind)") + " " + document.path("metadata").path("name").asText("");
        if (!(document instanceof ObjectNode)) {
            throw new IllegalArgumentException("not an object: " + name);
        }
        KubernetesResource resource;
        try {
            resource = KUBERNETES.unmarshal(document.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata object)) {
            throw new IllegalArgumentException(name + ": the model has no kind " + document.path("apiVersion").asText()
                    + "/" + document.path("kind").asText());
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(object, "", unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(name + ": fields the model does not know: " + unknown);
        }
        return object;
    }

    /** The paths of every field kept as an additional property, anywhere in a model object. */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (field instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add(path + "." + key));
                }
                continue;
            }
            String name = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(field, path + "." + name, unknown);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
