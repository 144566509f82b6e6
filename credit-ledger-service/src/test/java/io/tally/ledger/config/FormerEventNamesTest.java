package io.tally.ledger.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import io.tally.ledger.balance.CustomerLedgerOpenedEvent;
import io.tally.ledger.credits.PlatformLedgerOpenedEvent;
import io.tally.ledger.credits.PoolAllocationChangedEvent;
import io.tally.service.axon.PublishedLanguageSerializer;
import io.tally.testsupport.ServiceStructure;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every private event of the ledger (an event class of the service itself, not of the published language) has
 * its former stored name, and an event stored under it reads as the class that holds it today.
 */
class FormerEventNamesTest {

    private static final String BASE_PACKAGE = "io.tally.ledger";
    /** The holder of every private event before the slice re-cut. */
    private static final String FORMER_HOLDER = "io.tally.ledger.command.LedgerEvents$";

    /** The service's own event classes: named as events, or handled as events by an aggregate or a projection. */
    private static Set<String> privateEventClasses() {
        Set<JavaClass> classes = ServiceStructure.mainClasses(BASE_PACKAGE).stream().collect(Collectors.toSet());
        Stream<JavaClass> named = classes.stream().filter(type -> type.getSimpleName().endsWith("Event"));
        Stream<JavaClass> handled = classes.stream().flatMap(type -> type.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventSourcingHandler.class)
                        || method.isAnnotatedWith(EventHandler.class))
                .map(JavaMethod::getRawParameterTypes).filter(parameters -> !parameters.isEmpty())
                .map(parameters -> parameters.get(0));
        return Stream.concat(named, handled).map(JavaClass::getName)
                .filter(name -> name.startsWith(BASE_PACKAGE + ".")).collect(Collectors.toSet());
    }

    @Test
    void everyPrivateEventClassHasItsFormerNameAndEachFormerNameItsClassUnrenamed() {
        Set<String> mapped = FormerEventNamesConfig.FORMER_NAMES.values().stream().map(Class::getName)
                .collect(Collectors.toSet());

        assertThat(privateEventClasses()).containsExactlyInAnyOrderElementsOf(mapped).hasSize(3);
        FormerEventNamesConfig.FORMER_NAMES.forEach((former, current) -> {
            assertThat(former).isEqualTo(FORMER_HOLDER + current.getSimpleName());
            assertThat(current.getName()).isNotEqualTo(former).startsWith(BASE_PACKAGE + ".");
        });
    }

    @Test
    void anEventStoredUnderItsFormerNameReadsAsTheClassThatHoldsItToday() {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(
                new ObjectMapper().findAndRegisterModules(), new FormerEventNamesConfig().formerEventNames());
        Map<String, Object> storedAndExpected = Map.of(
                "{\"customerId\":\"c-1\",\"platformId\":\"p-1\"}", new CustomerLedgerOpenedEvent("c-1", "p-1"),
                "{\"platformId\":\"p-1\",\"currency\":\"EUR\"}", new PlatformLedgerOpenedEvent("p-1", "EUR"),
                "{\"platformId\":\"p-1\",\"customerId\":\"c-1\",\"entryId\":\"e-1\",\"change\":-250,"
                        + "\"allocatedAfter\":750,\"occurredAt\":\"2025-03-01T10:00:00.123456Z\"}",
                new PoolAllocationChangedEvent("p-1", "c-1", "e-1", -250, 750,
                        Instant.parse("2025-03-01T10:00:00.123456Z")));

        storedAndExpected.forEach((json, expected) -> {
            String former = FORMER_HOLDER + expected.getClass().getSimpleName();
            Object read = serializer.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                    byte[].class, new SimpleSerializedType(former, null)));
            assertThat(read).as(former).isEqualTo(expected);
        });
    }
}
