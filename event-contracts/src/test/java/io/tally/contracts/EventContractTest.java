package io.tally.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.DisallowUnknownJsonMetaSchemaFactory;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.tally.contracts.auth.LoginLockedEvent;
import io.tally.contracts.auth.PlatformCreatedEvent;
import io.tally.contracts.auth.SessionRevocationReason;
import io.tally.contracts.auth.SessionsRevokedEvent;
import io.tally.contracts.customer.BillingType;
import io.tally.contracts.customer.CustomerBillingInfoSetEvent;
import io.tally.contracts.customer.CustomerCreatedEvent;
import io.tally.contracts.customer.CustomerInformationUpdatedEvent;
import io.tally.contracts.customer.CustomerTagsSetEvent;
import io.tally.contracts.customer.CustomerTeamTypeChangedEvent;
import io.tally.contracts.customer.InvitationIssuedEvent;
import io.tally.contracts.customer.RegistrationRejectedEvent;
import io.tally.contracts.customer.RegistrationRejectionReason;
import io.tally.contracts.customer.TeamType;
import io.tally.contracts.ledger.BalanceDeductedEvent;
import io.tally.contracts.ledger.BalanceRefilledEvent;
import io.tally.contracts.ledger.LedgerEntryEvent;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The published language is what consumers see on Kafka: the JSON that Jackson writes for
 * each event record, checked against the schema published for its CloudEvents type.
 */
class EventContractTest {

    /**
     * Like the services' mapper (Spring Boot's, with tally-defaults.yml's {@code default-property-inclusion:
     * non_null}): modules found on the class path, ISO-8601 instants, an unset optional field left out.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);

    /** Unknown keywords fail loudly, so that a misspelt constraint cannot silently constrain nothing. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder
                    .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                            .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                            .build())
                    .metaSchemaFactory(DisallowUnknownJsonMetaSchemaFactory.getInstance()));

    private static final SchemaValidatorsConfig FORMATS_ASSERTED = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    /** The schema sources rather than the class path, where a deleted file may linger in target/classes. */
    private static final Path SCHEMA_SOURCES = Path.of("src", "main", "resources", "schemas");

    /** The greatest amount of the ledger, 10^15 minor units: exact in a JavaScript number too. */
    private static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private static final String SCHEMA_ID_PREFIX = "https://tally.io/schemas/";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    /**
     * The fields a consumer must expect to be null or absent, stated here rather than read from
     * the schemas under test: these, and every ledger entry's {@code previousHash} (null for the
     * first entry of its chain). Every other field is always there.
     */
    private static final Map<Class<? extends PublishedEvent>, Set<String>> OPTIONAL_FIELDS = Map.of(
            CustomerCreatedEvent.class, Set.of("billingInfo"),
            CustomerInformationUpdatedEvent.class, Set.of("companyName", "contactName", "phone", "address"),
            InvitationIssuedEvent.class, Set.of("email"),
            SessionsRevokedEvent.class, Set.of("platformId"),
            LoginLockedEvent.class, Set.of("platformId"),
            BalanceRefilledEvent.class, Set.of("note"),
            BalanceDeductedEvent.class, Set.of("note"));

    static Stream<Arguments> publishedClasses() {
        return EventCatalog.ALL.stream().map(c -> Arguments.of(Named.of(c.getSimpleName(), c)));
    }

    static Stream<Arguments> ledgerClasses() {
        return EventCatalog.ALL.stream()
                .filter(LedgerEntryEvent.class::isAssignableFrom)
                .map(c -> Arguments.of(Named.of(c.getSimpleName(), c)));
    }

    /** Every amount of every ledger event: the record components of type long. */
    static Stream<Arguments> ledgerAmounts() {
        return EventCatalog.ALL.stream()
                .filter(LedgerEntryEvent.class::isAssignableFrom)
                .flatMap(c -> Arrays.stream(c.getRecordComponents())
                        .filter(component -> component.getType() == long.class)
                        .map(component -> Arguments.of(Named.of(c.getSimpleName(), c), component.getName())));
    }

    /** The ledger events that move an amount of money and may carry the admin's note. */
    static Stream<Arguments> balanceEntries() {
        return Stream.of(BalanceRefilledEvent.class, BalanceDeductedEvent.class)
                .map(c -> Arguments.of(Named.of(c.getSimpleName(), c)));
    }

    static Stream<Arguments> variants() {
        return SampleEvents.variants().stream()
                .map(e -> Arguments.of(Named.of(e.getClass().getSimpleName(), e)));
    }

    // every type has its schema

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void has_a_schema_named_after_its_type(Class<? extends PublishedEvent> eventClass) {
        String type = EventCatalog.typeOf(eventClass);
        assertThat(EventCatalog.schemaResource(eventClass)).isEqualTo("/schemas/" + type + ".json");

        JsonNode schema = schemaNode(eventClass);

        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").asText()).isEqualTo(SCHEMA_ID_PREFIX + type + ".json");
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void schema_is_a_valid_draft_2020_12_schema(Class<? extends PublishedEvent> eventClass) {
        JsonSchema metaSchema = SCHEMAS.getSchema(SchemaLocation.of(DRAFT_2020_12));

        assertThat(metaSchema.validate(schemaNode(eventClass))).isEmpty();
    }

    @Test
    void a_misspelt_keyword_is_refused_rather_than_ignored() throws IOException {
        JsonNode misspelt = MAPPER.readTree("{\"$schema\": \"" + DRAFT_2020_12 + "\", \"maxitems\": 20}");

        assertThatThrownBy(() -> SCHEMAS.getSchema(misspelt, FORMATS_ASSERTED))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessageContaining("maxitems");
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void schema_names_the_record_key_and_the_topic(Class<? extends PublishedEvent> eventClass) {
        PublishedEvent sample = SampleEvents.typical(eventClass);
        List<String> keyComponents = Arrays.stream(eventClass.getRecordComponents())
                .filter(component -> sample.recordKey().equals(valueOf(component, sample)))
                .map(RecordComponent::getName)
                .toList();
        assertThat(keyComponents).as("the record component that is the record key").hasSize(1);

        assertThat(schemaNode(eventClass).path("description").asText())
                .contains("Record key: " + keyComponents.get(0))
                .contains("Topic: " + EventCatalog.topicOf(eventClass));
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void schema_describes_exactly_the_record_components(Class<? extends PublishedEvent> eventClass) {
        JsonNode schema = schemaNode(eventClass);

        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).as("forward compatible").isTrue();
        assertThat(fieldNames(schema.path("properties")))
                .containsExactlyInAnyOrderElementsOf(componentNames(eventClass));
        assertThat(textValues(schema.path("required"))).isSubsetOf(componentNames(eventClass));
    }

    // the JSON of a sample satisfies the schema and reads back equal

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void sample_json_satisfies_the_schema(Class<? extends PublishedEvent> eventClass) throws IOException {
        PublishedEvent sample = SampleEvents.typical(eventClass);

        assertThat(violations(eventClass, toJson(sample))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void sample_json_reads_back_equal(Class<? extends PublishedEvent> eventClass) throws IOException {
        PublishedEvent sample = SampleEvents.typical(eventClass);

        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(sample), eventClass)).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("variants")
    void variant_json_satisfies_the_schema_and_reads_back_equal(PublishedEvent variant) throws IOException {
        assertThat(violations(variant.getClass(), toJson(variant))).isEmpty();
        assertThat(MAPPER.readValue(MAPPER.writeValueAsString(variant), variant.getClass())).isEqualTo(variant);
    }

    @Test
    void instants_are_iso_8601_strings() throws IOException {
        JsonNode json = toJson(SampleEvents.customerCreated());

        assertThat(json.path("createdAt").isTextual()).isTrue();
        assertThat(json.path("createdAt").asText()).isEqualTo("2025-03-14T09:26:53.589Z");
    }

    @Test
    void absent_billing_information_is_left_out_not_written_as_null() throws IOException {
        JsonNode json = toJson(SampleEvents.customerCreated());

        assertThat(json.has("billingInfo")).isFalse();
    }

    /** Decided once (docs/events.md): an unset optional field is left out of the JSON, at every depth. */
    @ParameterizedTest
    @MethodSource("variants")
    void every_unset_optional_field_is_left_out(PublishedEvent variant) throws IOException {
        JsonNode json = toJson(variant);
        List<String> nulls = new ArrayList<>();
        collectNulls(json, "", nulls);

        assertThat(nulls).as("fields written as null").isEmpty();
        for (RecordComponent component : variant.getClass().getRecordComponents()) {
            assertThat(json.has(component.getName())).as(component.getName())
                    .isEqualTo(valueOf(component, variant) != null);
        }
    }

    // forward compatibility: a new optional field keeps the type, so every reader accepts one it does not know

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void an_event_with_a_new_optional_field_satisfies_its_schema(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(eventClass));
        json.put("addedInALaterRelease", "a value this schema does not know");
        json.putNull("alsoAdded");

        assertThat(violations(eventClass, json)).isEmpty();
    }

    @Test
    void a_new_optional_field_inside_a_shared_structure_is_accepted_too() throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(CustomerBillingInfoSetEvent.class));
        ((ObjectNode) json.path("billingInfo")).put("taxId", "DE123456789");
        ((ObjectNode) json.path("billingInfo").path("address")).put("district", "Mitte");

        assertThat(violations(CustomerBillingInfoSetEvent.class, json)).isEmpty();
    }

    /**
     * A consumer holding the schema as it was before an optional field was added (the schema of today with
     * that field taken out) still accepts today's event that carries it.
     */
    @ParameterizedTest
    @MethodSource("publishedClasses")
    void an_older_schema_without_an_optional_field_accepts_todays_event(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        ObjectNode today = toJson(SampleEvents.typical(eventClass));
        Set<String> optional = optionalFields(eventClass);
        for (String field : optional) {
            ObjectNode older = (ObjectNode) schemaNode(eventClass).deepCopy();
            ((ObjectNode) older.path("properties")).remove(field);
            older.remove("examples");

            assertThat(SCHEMAS.getSchema(older, FORMATS_ASSERTED).validate(today))
                    .as("today's %s, %s set, against the schema without it", eventClass.getSimpleName(), field)
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void no_object_of_a_schema_forbids_properties_it_does_not_know(Class<? extends PublishedEvent> eventClass) {
        List<String> closed = new ArrayList<>();
        collectClosedObjects(schemaNode(eventClass), "", closed);

        assertThat(closed).isEmpty();
    }

    // every schema has an example, and it is what the services write

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void every_schema_has_an_example_that_satisfies_it(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        JsonNode examples = schemaNode(eventClass).path("examples");

        assertThat(examples.isArray()).as("examples").isTrue();
        assertThat(examples.size()).as("examples").isPositive();
        for (JsonNode example : examples) {
            assertThat(violations(eventClass, example)).as("%s", example).isEmpty();
            Object read = MAPPER.treeToValue(example, eventClass);
            assertThat(MAPPER.readTree(MAPPER.writeValueAsString(read))).as("the example reads and writes back the same")
                    .isEqualTo(example);
        }
    }

    // patterns every validator accepts: ECMA-262 (JavaScript, ajv) as well as Java

    private static final List<String> NOT_IN_JAVASCRIPT = List.of("\\p{", "\\P{", "\\A", "\\Z", "\\z", "\\h",
            "\\Q", "(?<", "(?>", "(?i", "(?s", "(?m", "(?x", "++", "*+", "?+", "}+", "[[", "&&");

    @Test
    void every_pattern_is_portable_to_javascript() throws IOException {
        Map<String, String> patterns = schemaPatterns();

        assertThat(patterns).isNotEmpty();
        patterns.forEach((where, pattern) -> {
            java.util.regex.Pattern.compile(pattern);
            assertThat(NOT_IN_JAVASCRIPT).as("%s: %s uses a construct JavaScript lacks", where, pattern)
                    .noneMatch(pattern::contains);
        });
    }

    @Test
    void a_java_only_pattern_is_caught() {
        assertThat(NOT_IN_JAVASCRIPT).anyMatch("^[^\\p{Cntrl}]*$"::contains);
        assertThat(NOT_IN_JAVASCRIPT).noneMatch("^[^\\u0000-\\u001F\\u007F]*$"::contains);
    }

    /** Where Node.js is installed (the console's build needs it), each pattern compiles as ajv compiles it. */
    @Test
    void every_pattern_compiles_in_node_with_the_unicode_flag() throws Exception {
        Map<String, String> patterns = schemaPatterns();
        Process probe;
        try {
            probe = new ProcessBuilder("node", "-e", """
                    let bad = [];
                    for (const [where, p] of Object.entries(JSON.parse(require('fs').readFileSync(0, 'utf8')))) {
                      try { new RegExp(p, 'u'); } catch (e) { bad.push(where + ': ' + e.message); }
                    }
                    console.log(JSON.stringify(bad));""").redirectErrorStream(true).start();
        } catch (IOException noNode) {
            org.junit.jupiter.api.Assumptions.abort("node is not installed: " + noNode.getMessage());
            return;
        }
        try (var in = probe.getOutputStream()) {
            in.write(MAPPER.writeValueAsBytes(patterns));
        }
        String out = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertThat(probe.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("[]");
    }

    @ParameterizedTest
    @MethodSource("publishedClasses")
    void exactly_the_optional_fields_may_be_null_or_absent(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        Set<String> optional = optionalFields(eventClass);
        Set<String> required = new HashSet<>(componentNames(eventClass));
        required.removeAll(optional);
        ObjectNode typical = toJson(SampleEvents.typical(eventClass));

        assertThat(componentNames(eventClass)).as("the optional fields are fields").containsAll(optional);
        assertThat(textValues(schemaNode(eventClass).path("required"))).as("required").isEqualTo(required);
        for (String field : componentNames(eventClass)) {
            ObjectNode nulled = typical.deepCopy();
            nulled.putNull(field);
            ObjectNode absent = typical.deepCopy();
            absent.remove(field);

            boolean mayBeMissing = optional.contains(field);
            assertThat(violations(eventClass, nulled).isEmpty()).as("%s may be null", field).isEqualTo(mayBeMissing);
            assertThat(violations(eventClass, absent).isEmpty()).as("%s may be absent", field).isEqualTo(mayBeMissing);
        }
    }

    // the catalogue: unique versioned types, known topics, no orphan schemas

    @Test
    void every_type_is_unique_versioned_and_published_on_a_known_topic() {
        Set<String> topics = topicConstants();
        Set<String> types = new HashSet<>();

        for (Class<? extends PublishedEvent> eventClass : EventCatalog.ALL) {
            String type = EventCatalog.typeOf(eventClass);
            assertThat(types.add(type)).as("%s is used once", type).isTrue();
            assertThat(type).as(eventClass.getName()).matches("io\\.tally\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+");
            assertThat(EventCatalog.topicOf(eventClass)).as(eventClass.getName()).isIn(topics);
            assertThat(EventCatalog.classOfType(type)).contains(eventClass);
            assertThat(eventClass.isRecord()).as("%s is a record", eventClass.getName()).isTrue();
        }
    }

    @Test
    void a_type_is_published_on_the_topic_of_its_namespace() {
        for (Class<? extends PublishedEvent> eventClass : EventCatalog.ALL) {
            String namespace = EventCatalog.typeOf(eventClass).split("\\.")[2];

            assertThat(EventCatalog.topicOf(eventClass)).as(eventClass.getName())
                    .isEqualTo("tally." + namespace + ".events");
        }
    }

    @Test
    void every_schema_file_belongs_to_a_catalogued_type() throws IOException {
        Set<String> catalogued = EventCatalog.ALL.stream()
                .map(c -> EventCatalog.typeOf(c) + ".json")
                .collect(Collectors.toSet());

        try (Stream<Path> files = Files.list(SCHEMA_SOURCES)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(catalogued);
        }
    }

    @Test
    void every_catalogued_class_has_a_sample() {
        assertThat(EventCatalog.ALL).allSatisfy(c -> assertThat(SampleEvents.typical(c)).isInstanceOf(c));
    }

    // the schemas agree with the Java types they describe

    @Test
    void enums_in_the_schemas_list_the_java_constants() {
        assertThat(enumAt(CustomerCreatedEvent.class, "properties", "teamType")).isEqualTo(names(TeamType.values()));
        assertThat(enumAt(CustomerTeamTypeChangedEvent.class, "properties", "previousTeamType"))
                .isEqualTo(names(TeamType.values()));
        assertThat(enumAt(CustomerTeamTypeChangedEvent.class, "properties", "teamType"))
                .isEqualTo(names(TeamType.values()));
        assertThat(enumAt(RegistrationRejectedEvent.class, "properties", "reason"))
                .isEqualTo(names(RegistrationRejectionReason.values()));
        assertThat(enumAt(SessionsRevokedEvent.class, "properties", "reason"))
                .isEqualTo(names(SessionRevocationReason.values()));
        for (Class<?> eventClass : List.of(CustomerCreatedEvent.class, CustomerBillingInfoSetEvent.class)) {
            assertThat(enumAt(eventClass, "$defs", "BillingInformation", "properties", "type"))
                    .isEqualTo(names(BillingType.values()));
        }
    }

    @Test
    void shared_definitions_are_the_same_in_every_schema() {
        for (String definition : List.of("BillingInformation", "PostalAddress")) {
            List<JsonNode> copies = EventCatalog.ALL.stream()
                    .map(c -> schemaNode(c).path("$defs").path(definition))
                    .filter(node -> !node.isMissingNode())
                    .toList();

            assertThat(copies).as(definition).hasSizeGreaterThan(1);
            assertThat(new HashSet<>(copies)).as(definition + " is defined once, the same way").hasSize(1);
        }
    }

    @Test
    void no_event_carries_a_secret() {
        List<String> fields = new ArrayList<>();
        EventCatalog.ALL.forEach(c -> collectComponentNames(c, c.getSimpleName(), fields));

        assertThat(fields).isNotEmpty().allSatisfy(field -> {
            String name = field.substring(field.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            assertThat(name).as(field).doesNotContain("password", "secret", "credential");
            if (name.contains("token")) {
                assertThat(name).as("%s may only be a one-way digest", field).endsWith("sha256");
            }
        });
    }

    // the schemas refuse what they must

    @Test
    void customer_created_without_email_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.remove("email");

        assertRefused(CustomerCreatedEvent.class, json, "required");
    }

    @Test
    void customer_created_with_an_invalid_team_type_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.put("teamType", "PREMIUM");

        assertRefused(CustomerCreatedEvent.class, json, "enum");
    }

    @Test
    void customer_created_with_a_team_type_that_does_not_follow_the_billing_information_is_refused()
            throws IOException {
        ObjectNode json = toJson(new CustomerCreatedEvent(SampleEvents.CUSTOMER_ID, SampleEvents.PLATFORM_ID,
                "ada.lovelace@example.com", "Analytical Engines", SampleEvents.enterpriseBilling(),
                TeamType.INDIVIDUAL, SampleEvents.customerCreated().createdAt()));

        assertRefused(CustomerCreatedEvent.class, json, "const");
    }

    @Test
    void customer_created_with_a_malformed_email_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.put("email", "ada at lovelace");

        assertRefused(CustomerCreatedEvent.class, json, "pattern");
    }

    @Test
    void customer_created_with_a_customer_id_that_is_not_a_uuid_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.put("customerId", "customer-42");

        assertRefused(CustomerCreatedEvent.class, json, "format");
    }

    @Test
    void customer_created_with_an_epoch_timestamp_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.put("createdAt", 1_741_944_413.589);

        assertRefused(CustomerCreatedEvent.class, json, "type");
    }

    @Test
    void customer_created_with_a_team_name_over_100_characters_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.customerCreated());
        json.put("teamName", "x".repeat(101));

        assertRefused(CustomerCreatedEvent.class, json, "maxLength");
    }

    @Test
    void enterprise_billing_information_without_company_name_is_refused() throws IOException {
        ObjectNode json = toJson(new CustomerBillingInfoSetEvent(SampleEvents.CUSTOMER_ID, SampleEvents.PLATFORM_ID,
                SampleEvents.enterpriseBilling()));
        ((ObjectNode) json.path("billingInfo")).putNull("companyName");

        assertRefused(CustomerBillingInfoSetEvent.class, json, "type");
    }

    @Test
    void individual_billing_information_with_a_company_name_is_refused() throws IOException {
        ObjectNode json = toJson(new CustomerBillingInfoSetEvent(SampleEvents.CUSTOMER_ID, SampleEvents.PLATFORM_ID,
                SampleEvents.individualBilling()));
        ((ObjectNode) json.path("billingInfo")).put("companyName", "Hopper Inc.");

        assertRefused(CustomerBillingInfoSetEvent.class, json, "type");
    }

    @Test
    void an_address_with_a_lowercase_country_is_refused() throws IOException {
        ObjectNode json = toJson(new CustomerBillingInfoSetEvent(SampleEvents.CUSTOMER_ID, SampleEvents.PLATFORM_ID,
                SampleEvents.enterpriseBilling()));
        ((ObjectNode) json.path("billingInfo").path("address")).put("country", "nl");

        assertRefused(CustomerBillingInfoSetEvent.class, json, "pattern");
    }

    @Test
    void invitation_issued_with_a_63_character_digest_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.invitationIssued());
        json.put("tokenSha256", SampleEvents.TOKEN_SHA256.substring(1));

        assertRefused(InvitationIssuedEvent.class, json, "pattern");
    }

    @Test
    void invitation_issued_with_an_uppercase_digest_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.invitationIssued());
        json.put("tokenSha256", SampleEvents.TOKEN_SHA256.toUpperCase(Locale.ROOT));

        assertRefused(InvitationIssuedEvent.class, json, "pattern");
    }

    @Test
    void customer_tags_set_with_21_tags_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(CustomerTagsSetEvent.class));
        setTags(json, tags -> IntStream.rangeClosed(1, 21).forEach(i -> tags.add("tag-" + i)));

        assertRefused(CustomerTagsSetEvent.class, json, "maxItems");
    }

    @Test
    void customer_tags_set_with_a_repeated_tag_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(CustomerTagsSetEvent.class));
        setTags(json, tags -> tags.add("vip").add("vip"));

        assertRefused(CustomerTagsSetEvent.class, json, "uniqueItems");
    }

    @Test
    void customer_tags_set_with_an_empty_or_a_41_character_tag_is_refused() throws IOException {
        ObjectNode empty = toJson(SampleEvents.typical(CustomerTagsSetEvent.class));
        setTags(empty, tags -> tags.add(""));
        ObjectNode long41 = toJson(SampleEvents.typical(CustomerTagsSetEvent.class));
        setTags(long41, tags -> tags.add("t".repeat(41)));

        assertRefused(CustomerTagsSetEvent.class, empty, "minLength");
        assertRefused(CustomerTagsSetEvent.class, long41, "maxLength");
    }

    @Test
    void platform_created_with_a_lowercase_currency_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.platformCreated());
        json.put("currency", "usd");

        assertRefused(PlatformCreatedEvent.class, json, "pattern");
    }

    @Test
    void sessions_revoked_with_an_unknown_reason_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.sessionsRevoked());
        json.put("reason", "TOKEN_EXPIRED");

        assertRefused(SessionsRevokedEvent.class, json, "enum");
    }

    @Test
    void login_locked_after_0_failures_is_refused() throws IOException {
        ObjectNode json = toJson(SampleEvents.loginLocked());
        json.put("failures", 0);

        assertRefused(LoginLockedEvent.class, json, "minimum");
    }

    @ParameterizedTest
    @MethodSource("balanceEntries")
    void a_zero_or_negative_refill_or_deduction_is_refused(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        for (long amount : new long[] {0, -1, -2_000}) {
            ObjectNode json = toJson(SampleEvents.typical(eventClass));
            json.put("amount", amount);

            assertRefused(eventClass, json, "minimum");
        }
    }

    @ParameterizedTest
    @MethodSource("ledgerAmounts")
    void a_negative_amount_is_refused_and_zero_accepted_except_for_a_refill_or_deduction(
            Class<? extends PublishedEvent> eventClass, String field) throws IOException {
        ObjectNode negative = toJson(SampleEvents.typical(eventClass));
        negative.put(field, -1L);
        ObjectNode zero = toJson(SampleEvents.typical(eventClass));
        zero.put(field, 0L);

        assertRefused(eventClass, negative, "minimum");
        assertThat(violations(eventClass, zero).isEmpty()).as("%s may be 0", field).isEqualTo(!field.equals("amount"));
    }

    @ParameterizedTest
    @MethodSource("ledgerAmounts")
    void an_amount_above_10_to_the_15_is_refused(Class<? extends PublishedEvent> eventClass, String field)
            throws IOException {
        ObjectNode greatest = toJson(SampleEvents.typical(eventClass));
        greatest.put(field, MAX_AMOUNT);
        ObjectNode above = toJson(SampleEvents.typical(eventClass));
        above.put(field, MAX_AMOUNT + 1);

        assertThat(violations(eventClass, greatest)).isEmpty();
        assertRefused(eventClass, above, "maximum");
    }

    @ParameterizedTest
    @MethodSource("ledgerAmounts")
    void a_fractional_amount_is_refused(Class<? extends PublishedEvent> eventClass, String field)
            throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(eventClass));
        json.put(field, 20.5);

        assertRefused(eventClass, json, "type");
    }

    @ParameterizedTest
    @MethodSource("ledgerAmounts")
    void an_amount_written_as_a_decimal_string_is_refused(Class<? extends PublishedEvent> eventClass, String field)
            throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(eventClass));
        json.put(field, "20.00");

        assertRefused(eventClass, json, "type");
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_with_a_currency_that_is_not_three_upper_case_letters_is_refused(
            Class<? extends PublishedEvent> eventClass) throws IOException {
        for (String currency : List.of("eur", "Eur", "EU", "EURO", "", "E1R", "€")) {
            ObjectNode json = toJson(SampleEvents.typical(eventClass));
            json.put("currency", currency);

            assertRefused(eventClass, json, "pattern");
        }
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_whose_hashes_are_not_64_lower_case_hex_digits_is_refused(
            Class<? extends PublishedEvent> eventClass) throws IOException {
        String hash = SampleEvents.sha256Hex("an entry");
        List<String> malformed = List.of(hash.substring(1), hash + "0", hash.toUpperCase(Locale.ROOT),
                "g" + hash.substring(1), "sha256:" + hash, "");

        for (String field : List.of("hash", "previousHash")) {
            for (String value : malformed) {
                ObjectNode json = toJson(SampleEvents.typical(eventClass));
                json.put(field, value);

                assertRefused(eventClass, json, "pattern");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_without_its_hash_is_refused(Class<? extends PublishedEvent> eventClass) throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(eventClass));
        json.remove("hash");

        assertRefused(eventClass, json, "required");
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_with_an_idempotency_key_of_0_or_256_characters_is_refused(
            Class<? extends PublishedEvent> eventClass) throws IOException {
        ObjectNode empty = toJson(SampleEvents.typical(eventClass));
        empty.put("idempotencyKey", "");
        ObjectNode longest = toJson(SampleEvents.typical(eventClass));
        longest.put("idempotencyKey", "k".repeat(255));
        ObjectNode tooLong = toJson(SampleEvents.typical(eventClass));
        tooLong.put("idempotencyKey", "k".repeat(256));

        assertRefused(eventClass, empty, "minLength");
        assertThat(violations(eventClass, longest)).isEmpty();
        assertRefused(eventClass, tooLong, "maxLength");
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_with_an_empty_or_a_255_character_actor_is_refused(
            Class<? extends PublishedEvent> eventClass) throws IOException {
        ObjectNode empty = toJson(SampleEvents.typical(eventClass));
        empty.put("actor", "");
        ObjectNode system = toJson(SampleEvents.typical(eventClass));
        system.put("actor", "system:ledger-migration");
        ObjectNode tooLong = toJson(SampleEvents.typical(eventClass));
        tooLong.put("actor", "a".repeat(255));

        assertRefused(eventClass, empty, "minLength");
        assertThat(violations(eventClass, system)).isEmpty();
        assertRefused(eventClass, tooLong, "maxLength");
    }

    @ParameterizedTest
    @MethodSource("ledgerClasses")
    void a_ledger_entry_whose_entry_id_is_not_a_uuid_is_refused(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        ObjectNode json = toJson(SampleEvents.typical(eventClass));
        json.put("entryId", "entry-42");

        assertRefused(eventClass, json, "format");
    }

    @ParameterizedTest
    @MethodSource("balanceEntries")
    void a_note_with_a_control_character_is_refused(Class<? extends PublishedEvent> eventClass) throws IOException {
        for (String note : List.of("a\u0000b", "line one\nline two", "tab\there", "bell\u0007", "escape\u001B[31m",
                "delete\u007F")) {
            ObjectNode json = toJson(SampleEvents.typical(eventClass));
            json.put("note", note);

            assertRefused(eventClass, json, "pattern");
        }
    }

    @ParameterizedTest
    @MethodSource("balanceEntries")
    void a_note_that_is_empty_or_over_500_characters_is_refused(Class<? extends PublishedEvent> eventClass)
            throws IOException {
        ObjectNode empty = toJson(SampleEvents.typical(eventClass));
        empty.put("note", "");
        ObjectNode longest = toJson(SampleEvents.typical(eventClass));
        longest.put("note", "Überweisung März – ".repeat(30).substring(0, 499) + "\uD83D\uDCB6");
        ObjectNode tooLong = toJson(SampleEvents.typical(eventClass));
        tooLong.put("note", "n".repeat(501));

        assertRefused(eventClass, empty, "minLength");
        assertThat(violations(eventClass, longest)).as("500 characters, one of them outside the BMP").isEmpty();
        assertRefused(eventClass, tooLong, "maxLength");
    }

    // helpers

    private static void assertRefused(Class<?> eventClass, JsonNode json, String keyword) {
        Set<ValidationMessage> violations = violations(eventClass, json);

        assertThat(violations).as("violations of %s", json).isNotEmpty();
        assertThat(violations).extracting(ValidationMessage::getType).as("%s", violations).contains(keyword);
    }

    private static Set<ValidationMessage> violations(Class<?> eventClass, JsonNode json) {
        return SCHEMAS.getSchema(schemaNode(eventClass), FORMATS_ASSERTED).validate(json);
    }

    private static ObjectNode toJson(PublishedEvent event) throws IOException {
        return (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(event));
    }

    private static JsonNode schemaNode(Class<?> eventClass) {
        String resource = EventCatalog.schemaResource(eventClass);
        try (InputStream in = EventContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("schema resource %s", resource).isNotNull();
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setTags(ObjectNode json, Consumer<ArrayNode> tags) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        tags.accept(array);
        json.set("tags", array);
    }

    private static List<String> enumAt(Class<?> eventClass, String... path) {
        JsonNode node = schemaNode(eventClass);
        for (String step : path) {
            node = node.path(step);
        }
        List<String> values = new ArrayList<>();
        node.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).toList();
    }

    private static Set<String> topicConstants() {
        return Arrays.stream(Topics.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(EventContractTest::staticValue)
                .collect(Collectors.toSet());
    }

    private static String staticValue(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> optionalFields(Class<?> eventClass) {
        Set<String> optional = new HashSet<>(OPTIONAL_FIELDS.getOrDefault(eventClass, Set.of()));
        if (LedgerEntryEvent.class.isAssignableFrom(eventClass)) {
            optional.add("previousHash");
        }
        return optional;
    }

    private static List<String> componentNames(Class<?> recordClass) {
        return Arrays.stream(recordClass.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /** The record components of the class and, depth first, of the records it holds. */
    private static void collectComponentNames(Class<?> recordClass, String path, List<String> into) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String name = path + "." + component.getName();
            into.add(name);
            if (component.getType().isRecord()) {
                collectComponentNames(component.getType(), name, into);
            }
        }
    }

    private static void collectNulls(JsonNode node, String path, List<String> into) {
        if (node.isNull()) {
            into.add(path);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            collectNulls(field.getValue(), path + "." + field.getKey(), into);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectNulls(node.get(i), path + "[" + i + "]", into);
        }
    }

    /** Where a schema says {@code additionalProperties: false} or {@code unevaluatedProperties: false}. */
    private static void collectClosedObjects(JsonNode node, String path, List<String> into) {
        for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
            if (node.path(keyword).isBoolean() && !node.path(keyword).asBoolean()) {
                into.add(path + "/" + keyword);
            }
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("examples")) {
                collectClosedObjects(field.getValue(), path + "/" + field.getKey(), into);
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectClosedObjects(node.get(i), path + "/" + i, into);
        }
    }

    /** Every {@code pattern} of every schema, by schema file and JSON pointer. */
    private static Map<String, String> schemaPatterns() throws IOException {
        Map<String, String> patterns = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.list(SCHEMA_SOURCES)) {
            for (Path file : files.toList()) {
                collectPatterns(MAPPER.readTree(file.toFile()), file.getFileName() + "#", patterns);
            }
        }
        return patterns;
    }

    private static void collectPatterns(JsonNode node, String path, Map<String, String> into) {
        if (node.path("pattern").isTextual()) {
            into.put(path + "/pattern", node.path("pattern").asText());
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getKey().equals("examples")) {
                collectPatterns(field.getValue(), path + "/" + field.getKey(), into);
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectPatterns(node.get(i), path + "/" + i, into);
        }
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static Set<String> textValues(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
