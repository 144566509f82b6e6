package io.tally.service.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormerEventNamesTest {

    record NoteTakenEvent(String noteId, String text) {
    }

    private static final String FORMER_NAME = "io.tally.example.command.NoteTakenEvent";

    @Test
    void anEventStoredUnderItsFormerClassNameReadsAsTheClassThatHoldsItToday() {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(new ObjectMapper(),
                FormerEventNames.of(Map.of(FORMER_NAME, NoteTakenEvent.class)));

        Object event = serializer.deserialize(storedUnder(FORMER_NAME));

        assertThat(event).isEqualTo(new NoteTakenEvent("n-1", "hello"));
    }

    @Test
    void withoutTheFormerNameTheStoredEventIsUnknown() {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(new ObjectMapper(),
                FormerEventNames.none());

        Object event = serializer.deserialize(storedUnder(FORMER_NAME));

        assertThat(event).isInstanceOf(UnknownSerializedType.class);
    }

    @Test
    void anEventStoredTodayKeepsItsOwnName() {
        PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create(new ObjectMapper(),
                FormerEventNames.of(Map.of(FORMER_NAME, NoteTakenEvent.class)));

        SerializedObject<byte[]> stored = serializer.serialize(new NoteTakenEvent("n-2", "today"), byte[].class);

        assertThat(stored.getType().getName()).isEqualTo(NoteTakenEvent.class.getName());
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(new NoteTakenEvent("n-2", "today"));
    }

    @Test
    void aClassThatHasNotMovedNeedsNoFormerName() {
        assertThatThrownBy(() -> FormerEventNames.of(Map.of(NoteTakenEvent.class.getName(), NoteTakenEvent.class)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has not moved");
    }

    private static SerializedObject<byte[]> storedUnder(String typeName) {
        return new SimpleSerializedObject<>("{\"noteId\":\"n-1\",\"text\":\"hello\"}".getBytes(),
                byte[].class, new SimpleSerializedType(typeName, null));
    }
}
