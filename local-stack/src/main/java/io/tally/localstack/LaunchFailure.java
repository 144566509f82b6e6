package io.tally.localstack;

import java.util.List;

/** A part of the stack that would not start or stopped on its own, with the last lines it wrote. */
final class LaunchFailure extends RuntimeException {

    private final List<String> recentLines;

    LaunchFailure(String message) {
        this(message, List.of());
    }

    LaunchFailure(String message, List<String> recentLines) {
        super(message);
        this.recentLines = List.copyOf(recentLines);
    }

    List<String> recentLines() {
        return recentLines;
    }
}
