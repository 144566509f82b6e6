package io.tally.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.contracts.customer.TeamType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents that consumers read describe exactly the catalogued events. */
class PublishedContractDocsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final String SCHEMA_ID_PREFIX = "https://tally.io/schemas/";

    private static String eventsPage;
    private static JsonNode asyncApi;

    @BeforeAll
    static void readDocuments() throws IOException {
        eventsPage = Files.readString(DOCS.resolve("events.md"));
        asyncApi = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());
    }

    @Test
    void the_events_page_names_every_type_with_its_topic_and_every_enum_value() {
        for (Class<? extends PublishedEvent> eventClass : EventCatalog.ALL) {
            assertThat(eventsPage).contains("`" + EventCatalog.typeOf(eventClass) + "`")
                    .contains("`" + EventCatalog.topicOf(eventClass) + "`");
        }
        for (Enum<?> value : enumValues()) {
            assertThat(eventsPage).contains("`" + value.name() + "`");
        }
    }

    @Test
    void asyncapi_is_version_3_and_describes_the_built_topics_only() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");

        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        Set<String> builtTopics = EventCatalog.ALL.stream().map(EventCatalog::topicOf).collect(Collectors.toSet());
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(builtTopics);
    }

    @Test
    void asyncapi_has_one_message_per_type_on_its_topic_with_its_schema_file() {
        Map<String, JsonNode> messagesByType = new HashMap<>();
        asyncApi.path("channels").forEach(channel -> channel.path("messages").forEach(reference -> {
            JsonNode message = resolve(reference);
            String type = message.path("name").asText();
            assertThat(messagesByType.put(type, message)).as("%s is described once", type).isNull();
            assertThat(EventCatalog.classOfType(type)).as("%s is catalogued", type).isPresent();
            assertThat(channel.path("address").asText()).as("topic of %s", type)
                    .isEqualTo(EventCatalog.topicOf(EventCatalog.classOfType(type).orElseThrow()));
        }));

        for (Class<? extends PublishedEvent> eventClass : EventCatalog.ALL) {
            String type = EventCatalog.typeOf(eventClass);
            JsonNode message = messagesByType.get(type);
            assertThat(message).as("message for %s", type).isNotNull();

            String schemaRef = message.path("payload").path("schema").path("$ref").asText();
            assertThat(schemaRef).as("the schema's $id, served by the gateway at its path, never a repository path")
                    .isEqualTo(SCHEMA_ID_PREFIX + type + ".json");
            assertThat(schemaId(eventClass)).as("$id of the schema of %s", type).isEqualTo(schemaRef);
            assertThat(message.path("payload").path("schemaFormat").asText())
                    .isEqualTo("application/schema+json;version=draft-2020-12");
            assertThat(message.path("headers").path("allOf").findValue("ce_type").path("const").asText())
                    .isEqualTo(type);
        }
    }

    @Test
    void asyncapi_operations_publish_every_message_of_their_channel() {
        List<String> operatedChannels = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> channels.add(channel.path("address").asText()));
        asyncApi.path("operations").forEach(operation -> {
            JsonNode channel = resolve(operation.path("channel"));
            operatedChannels.add(channel.path("address").asText());
            List<String> published = new ArrayList<>();
            operation.path("messages").forEach(reference -> published.add(resolve(reference).path("name").asText()));
            List<String> carried = new ArrayList<>();
            channel.path("messages").forEach(reference -> carried.add(resolve(reference).path("name").asText()));

            assertThat(operation.path("action").asText()).isEqualTo("send");
            assertThat(published).containsExactlyInAnyOrderElementsOf(carried);
        });

        assertThat(operatedChannels).as("one operation per channel").containsExactlyInAnyOrderElementsOf(channels);
    }

    @Test
    void asyncapi_references_no_file_of_the_repository() {
        List<String> references = new ArrayList<>();
        asyncApi.findValues("$ref").forEach(reference -> references.add(reference.asText()));

        assertThat(references).isNotEmpty()
                .allSatisfy(reference -> assertThat(reference).matches("#/.*|" + SCHEMA_ID_PREFIX.replace(".", "\\.")
                        + "io\\.tally\\.[a-z]+\\.[A-Za-z]+\\.v[0-9]+\\.json"));
    }

    private static String schemaId(Class<? extends PublishedEvent> eventClass) {
        try (var in = PublishedContractDocsTest.class.getResourceAsStream(EventCatalog.schemaResource(eventClass))) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in).path("$id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Enum<?>> enumValues() {
        List<Enum<?>> values = new ArrayList<>(List.of(TeamType.values()));
        values.addAll(List.of(RegistrationRejectionReason.values()));
        values.addAll(List.of(SessionRevocationReason.values()));
        return values;
    }

    /** Follows local references ({@code #/...}) until a node that is not one. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.path("$ref").asText();
            assertThat(ref).as("local reference").startsWith("#/");
            current = asyncApi.at(ref.substring(1));
            assertThat(current.isMissingNode()).as("%s resolves", ref).isFalse();
        }
        return current;
    }
}
