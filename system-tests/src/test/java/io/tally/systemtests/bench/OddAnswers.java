package io.tally.systemtests.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Answers other than the expected one, and requests that got none: counted, the first few said. */
final class OddAnswers {

    private static final int SHOWN = 5;

    private final AtomicInteger count = new AtomicInteger();
    private final Consumer<String> say;

    OddAnswers(Consumer<String> say) {
        this.say = say;
    }

    void note(String message) {
        if (count.incrementAndGet() <= SHOWN) {
            say.accept("  ODD: " + (message.length() <= 300 ? message : message.substring(0, 297) + "..."));
        }
    }

    int count() {
        return count.get();
    }

    int shown() {
        return SHOWN;
    }
}
