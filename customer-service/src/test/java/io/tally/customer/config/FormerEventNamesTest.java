package io.tally.customer.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import io.tally.contracts.EventCatalog;
import io.tally.customer.customer.EmailVerificationRequestedEvent;
import io.tally.service.axon.PublishedLanguageSerializer;
import io.tally.testsupport.ServiceStructure;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The former names of the private events: every private event of the service has one, each names a class that is
 * gone and resolves to the class that holds the event today, and an event stored under it reads back whole.
 */
class FormerEventNamesTest {

    private static final Map<String, Class<?>> FORMER = FormerEventNamesConfig.FORMER_EVENT_NAMES;
    private static final PublishedLanguageSerializer SERIALIZER = PublishedLanguageSerializer.create(
            new ObjectMapper().findAndRegisterModules(), new FormerEventNamesConfig().formerEventNames());

    /** Private events added after the service was cut into slices: stored under their own class name only. */
    private static final Set<String> ADDED_SINCE_THE_CUT = Set.of(
            "io.tally.customer.invitation.InvitationRefusalCountedEvent",
            "io.tally.customer.registration.EmailTakenNoticeRequestedEvent");

    /**
     * The private events: what an aggregate sources itself from, and every class named as an event, outside the
     * published language. All but those {@linkplain #ADDED_SINCE_THE_CUT added since} moved when the service was cut
     * into slices.
     */
    private static Set<Class<?>> privateEvents() {
        JavaClasses classes = ServiceStructure.mainClasses("io.tally.customer");
        Stream<JavaClass> sourced = classes.stream()
                .flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventSourcingHandler.class))
                .map(method -> method.getRawParameterTypes().get(0));
        Stream<JavaClass> named = classes.stream().filter(type -> type.getSimpleName().endsWith("Event"));
        return Stream.concat(sourced, named)
                .map(JavaClass::reflect)
                .filter(type -> EventCatalog.topicIfPublished(type).isEmpty())
                .collect(Collectors.toSet());
    }

    @Test
    void everyPrivateEventHasItsFormerName() {
        assertThat(privateEvents()).as("the scan finds the private events").contains(
                EmailVerificationRequestedEvent.class);
        assertThat(privateEvents()).extracting(Class::getName).containsAll(ADDED_SINCE_THE_CUT);
        assertThat(Set.copyOf(FORMER.values())).containsExactlyInAnyOrderElementsOf(privateEvents().stream()
                .filter(event -> !ADDED_SINCE_THE_CUT.contains(event.getName())).toList());
    }

    @Test
    void eachFormerNameIsGoneAndResolvesToTheEventsClassToday() {
        FORMER.forEach((former, current) -> {
            assertThatThrownBy(() -> Class.forName(former)).as("no class holds %s any more", former)
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(SERIALIZER.classForType(new SimpleSerializedType(former, null))).as(former)
                    .isEqualTo(current);
        });
    }

    @Test
    void anEventStoredUnderItsFormerNameReadsBackWhole() {
        EmailVerificationRequestedEvent event = new EmailVerificationRequestedEvent(
                "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60", "ab".repeat(32), Instant.parse("2025-03-03T10:00:00Z"));
        SerializedObject<byte[]> stored = SERIALIZER.serialize(event, byte[].class);
        assertThat(stored.getType().getName()).isEqualTo(EmailVerificationRequestedEvent.class.getName());

        SerializedObject<byte[]> storedBeforeTheMove = new SimpleSerializedObject<>(stored.getData(), byte[].class,
                "io.tally.customer.command.EmailVerificationRequestedEvent", null);

        Object read = SERIALIZER.deserialize(storedBeforeTheMove);
        assertThat(read).isEqualTo(event);
    }
}
