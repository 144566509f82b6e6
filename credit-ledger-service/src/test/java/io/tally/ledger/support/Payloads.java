package io.tally.ledger.support;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.function.Consumer;

/** Lets a fixture test check the applied events with AssertJ, for events with generated ids and hashes. */
public final class Payloads {

    private Payloads() {
    }

    public static Matcher<List<EventMessage<?>>> satisfying(Consumer<List<Object>> check) {
        return new TypeSafeMatcher<>() {
            private AssertionError failure;

            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                try {
                    check.accept(events.stream().<Object>map(EventMessage::getPayload).toList());
                    return true;
                } catch (AssertionError e) {
                    failure = e;
                    return false;
                }
            }

            @Override
            public void describeTo(Description description) {
                description.appendText(failure == null ? "events satisfying the check" : failure.getMessage());
            }
        };
    }
}
