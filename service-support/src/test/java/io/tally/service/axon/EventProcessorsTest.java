package io.tally.service.axon;

import io.tally.service.axon.EventProcessors.Mode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventProcessorsTest {

    private final EventProcessors processors = EventProcessors.builder()
            .subscribing("pools")
            .tracking("list", 100)
            .consuming("platforms", "tally.auth.events", 1)
            .consuming("customers", "tally.customer.events", 10)
            .consuming("customer-figures", "tally.customer.events", 1)
            .build();

    @Test
    void keepsEachProcessorAsDeclared() {
        assertThat(processors.all()).extracting(EventProcessors.Processor::name)
                .containsExactly("pools", "list", "platforms", "customers", "customer-figures");
        assertThat(processors.named("list")).hasValueSatisfying(list -> {
            assertThat(list.mode()).isEqualTo(Mode.TRACKING);
            assertThat(list.batchSize()).isEqualTo(100);
            assertThat(list.topic()).isEmpty();
        });
        assertThat(processors.named("pools")).map(EventProcessors.Processor::mode).contains(Mode.SUBSCRIBING);
        assertThat(processors.named("customers")).map(EventProcessors.Processor::topic)
                .contains(Optional.of("tally.customer.events"));
        assertThat(processors.named("nothing")).isEmpty();
    }

    @Test
    void namesTheConsumedTopicsOnceAndTheProcessorsFedFromKafka() {
        assertThat(processors.consumedTopics()).containsExactly("tally.auth.events", "tally.customer.events");
        assertThat(processors.consumingKafka()).containsExactly("customer-figures", "customers", "platforms");
    }

    @Test
    void refusesANameDeclaredTwice() {
        assertThatThrownBy(() -> EventProcessors.builder().tracking("list", 1).subscribing("list"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
    }

    @Test
    void mergesTheSlicesDeclarationsAndRefusesANameTwoSlicesDeclare() {
        EventProcessors list = EventProcessors.builder().tracking("list", 100).build();
        EventProcessors intake = EventProcessors.builder().consuming("platforms", "tally.auth.events", 1).build();

        assertThat(EventProcessors.merged(List.of(list, intake)).all()).extracting(EventProcessors.Processor::name)
                .containsExactly("list", "platforms");
        assertThatThrownBy(() -> EventProcessors.merged(List.of(list, intake, list)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("declared twice");
    }

    @Test
    void refusesAMissingNameOrTopicAndABatchBelowOne() {
        List.<Runnable>of(
                () -> EventProcessors.builder().subscribing(" "),
                () -> EventProcessors.builder().tracking(null, 1),
                () -> EventProcessors.builder().tracking("list", 0),
                () -> EventProcessors.builder().consuming("platforms", "", 1))
                .forEach(declaration -> assertThatThrownBy(declaration::run)
                        .isInstanceOf(IllegalArgumentException.class));
    }
}
