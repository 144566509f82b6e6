package io.tally.localstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A started process whose output goes to the console, keeping its last lines for a post-mortem. */
final class ChildProcess {

    static final int RECENT_LINES = 40;
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(2);

    /**
     * Ctrl-C signals the terminal's whole foreground process group. In a session of their own the
     * children wait for the launcher, which stops the services before the broker they write to.
     */
    private static final Optional<Path> SETSID = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .filter(directory -> !directory.isEmpty())
            .map(directory -> Path.of(directory, "setsid"))
            .filter(Files::isExecutable)
            .findFirst();

    private final String name;
    private final Process process;
    private final Deque<String> recentLines = new ArrayDeque<>();
    private final Thread outputPump;

    private ChildProcess(ProcessSpec spec, Process process, Console console) {
        this.name = spec.name();
        this.process = process;
        this.outputPump = new Thread(() -> pump(spec, console), spec.label() + "-output");
        outputPump.setDaemon(true);
        outputPump.start();
    }

    static ChildProcess start(ProcessSpec spec, Console console) {
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(spec.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(spec.environment());
        try {
            return new ChildProcess(spec, builder.start(), console);
        } catch (IOException e) {
            throw new LaunchFailure("Could not start " + spec.name() + ": " + e.getMessage());
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    CompletableFuture<ChildProcess> onExit() {
        return process.onExit().thenApply(exited -> this);
    }

    /** Complete once the process has exited and its last words have been read. */
    List<String> recentLines() {
        if (!process.isAlive()) {
            joinOutputPump();
        }
        synchronized (recentLines) {
            return List.copyOf(recentLines);
        }
    }

    void requestStop() {
        process.destroy();
    }

    boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Answers whether the process is gone. */
    boolean kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return awaitExit(OUTPUT_DRAIN);
    }

    private void pump(ProcessSpec spec, Console console) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                console.child(spec.label(), spec.colour(), line);
                remember(line);
            }
        } catch (IOException streamClosedWithTheProcess) {
            remember("(output ended: " + streamClosedWithTheProcess.getMessage() + ")");
        }
    }

    private void remember(String line) {
        synchronized (recentLines) {
            if (recentLines.size() == RECENT_LINES) {
                recentLines.removeFirst();
            }
            recentLines.addLast(line);
        }
    }

    private void joinOutputPump() {
        try {
            outputPump.join(OUTPUT_DRAIN.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
