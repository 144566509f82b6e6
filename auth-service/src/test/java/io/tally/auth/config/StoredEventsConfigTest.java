package io.tally.auth.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.tally.service.axon.FormerEventNames;
import io.tally.service.axon.PublishedLanguageSerializer;
import io.tally.testsupport.ServiceStructure;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The former names of auth-service's private events: every private event that moved in the re-cut has one (an event
 * born after it needs none), none is a class any more, and an event stored under one reads back, field for field,
 * as the class that holds it today.
 */
class StoredEventsConfigTest {

    private static final String ACCOUNT = "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String PLATFORM = "0b7e5c1d-2f3a-4b6c-8d9e-a1b2c3d4e5f6";
    private static final String REGISTRATION = "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f";
    private static final String HASH = "{argon2}$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

    /** Each event as the service stored it under its former name, before the move. */
    private static final Map<String, String> STORED = Map.of(
            "io.tally.auth.command.AccountCreatedEvent", "{\"accountId\":\"" + ACCOUNT + "\",\"role\":\"CUSTOMER\","
                    + "\"platformId\":\"" + PLATFORM + "\",\"username\":\"eve@example.com\",\"passwordHash\":\""
                    + HASH + "\"}",
            "io.tally.auth.command.AccountEvents$PasswordResetGeneratedEvent", "{\"accountId\":\"" + ACCOUNT
                    + "\",\"resetId\":\"11111111-2222-4333-8444-555555555555\",\"passwordHash\":\"{argon2}reset\","
                    + "\"expiresAt\":\"2025-03-01T10:10:00Z\"}",
            "io.tally.auth.command.AccountEvents$PasswordChangedEvent", "{\"accountId\":\"" + ACCOUNT
                    + "\",\"passwordHash\":\"{argon2}mine\"}",
            "io.tally.auth.command.AccountEvents$AccountEnabledChangedEvent", "{\"accountId\":\"" + ACCOUNT
                    + "\",\"enabled\":false}",
            "io.tally.auth.command.Registration$RegistrationReceivedEvent", "{\"registrationId\":\"" + REGISTRATION
                    + "\",\"invitationId\":\"7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b\",\"platformId\":\"" + PLATFORM
                    + "\",\"submittedAt\":\"2025-03-01T10:00:00Z\"}",
            "io.tally.auth.command.Registration$RegistrationCompletedEvent", "{\"registrationId\":\"" + REGISTRATION
                    + "\",\"customerId\":\"" + ACCOUNT + "\",\"decidedAt\":\"2025-03-01T10:00:02Z\"}",
            "io.tally.auth.command.Registration$RegistrationRefusedEvent", "{\"registrationId\":\"" + REGISTRATION
                    + "\",\"reason\":\"EMAIL_TAKEN\",\"decidedAt\":\"2025-03-01T10:00:02.500Z\"}");

    /**
     * The private events born after the service was cut into slices: stored under their class name from the start,
     * they have no former name. Named by their class name, as they are package-private in their slice.
     */
    private static final Set<String> BORN_AFTER_THE_RECUT = Set.of(
            "io.tally.auth.registration.RegistrationExpiredEvent");

    /** As the service's own mapper writes events: instants as ISO-8601 text. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /**
     * The service's private events: events named so in the service's own packages, and whatever an aggregate
     * sources from that is not in the published language.
     */
    private static Set<Class<?>> privateEvents() {
        JavaClasses classes = ServiceStructure.mainClasses("io.tally.auth");
        Stream<JavaClass> named = classes.stream()
                .filter(type -> type.getSimpleName().endsWith("Event") && type.isAssignableTo(Record.class));
        Stream<JavaClass> sourced = classes.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventSourcingHandler.class))
                .map(method -> method.getRawParameterTypes().get(0))
                .filter(event -> !event.getPackageName().startsWith("io.tally.contracts"));
        return Stream.concat(named, sourced).map(JavaClass::reflect).collect(Collectors.toSet());
    }

    @Test
    void everyPrivateEventHasItsFormerNameAndEveryFormerNameIsAPrivateEvent() {
        Set<Class<?>> privateEvents = privateEvents();
        assertThat(privateEvents).extracting(Class::getName)
                .as("the events listed as born after the re-cut, each a private event of the service")
                .containsAll(BORN_AFTER_THE_RECUT);
        assertThat(privateEvents.stream().filter(event -> !BORN_AFTER_THE_RECUT.contains(event.getName())))
                .as("the private events that moved in the re-cut, each listed in StoredEventsConfig with its former name")
                .hasSize(7).containsExactlyInAnyOrderElementsOf(StoredEventsConfig.FORMER_EVENT_NAMES.values());
    }

    @Test
    void aFormerNameIsNoClassAnyMoreAndTheEventKeptItsSimpleName() {
        StoredEventsConfig.FORMER_EVENT_NAMES.forEach((former, current) -> {
            assertThatThrownBy(() -> Class.forName(former)).as(former).isInstanceOf(ClassNotFoundException.class);
            assertThat(former.substring(former.lastIndexOf('.') + 1).replaceFirst(".*\\$", "")).as(former)
                    .isEqualTo(current.getSimpleName());
        });
    }

    @Test
    void anEventStoredUnderItsFormerNameReadsBackFieldForFieldAsTheClassThatHoldsItToday() throws Exception {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(MAPPER,
                new StoredEventsConfig().formerEventNames());
        assertThat(STORED.keySet()).containsExactlyInAnyOrderElementsOf(StoredEventsConfig.FORMER_EVENT_NAMES.keySet());
        for (Map.Entry<String, String> stored : STORED.entrySet()) {
            Object event = serializer.deserialize(storedUnder(stored.getKey(), stored.getValue()));

            assertThat(event).as(stored.getKey())
                    .isInstanceOf(StoredEventsConfig.FORMER_EVENT_NAMES.get(stored.getKey()));
            JsonNode written = MAPPER.readTree(serializer.serialize(event, byte[].class).getData());
            assertThat(written).as(stored.getKey()).isEqualTo(MAPPER.readTree(stored.getValue()));
        }
    }

    @Test
    void withoutTheFormerNamesTheStoredEventsWouldNotRead() {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(MAPPER, FormerEventNames.none());
        STORED.forEach((former, json) -> {
            Object event = serializer.deserialize(storedUnder(former, json));
            assertThat(event).as(former).isInstanceOf(UnknownSerializedType.class);
        });
    }

    private static SerializedObject<byte[]> storedUnder(String typeName, String json) {
        return new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                new SimpleSerializedType(typeName, null));
    }
}
