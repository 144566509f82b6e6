package io.tally.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local stack's processes: the launcher and everything descending from it (the Kafka broker,
 * each service's JVM), found by walking the parent ids in /proc, with their resident memory
 * (VmRSS) and CPU time.
 */
final class StackProcesses {

    /** One process at one instant. */
    record Sample(long pid, String name, long rssKb, long privateKb) {
    }

    /** The memory of the whole tree at one instant, in the order the tree was walked. */
    record Snapshot(List<Sample> processes) {

        long totalKb() {
            return processes.stream().mapToLong(Sample::rssKb).sum();
        }
    }

    private static final Path PROC = Path.of("/proc");

    private final long launcher;
    private final Map<Long, String> names = new HashMap<>();

    StackProcesses(long launcher) {
        this.launcher = launcher;
    }

    /** The launcher and its descendants, parents before children. */
    List<Long> tree() throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                parentOf(pid).ifPresent(parent -> children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid));
            }
        }
        List<Long> tree = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(launcher));
        while (!pending.isEmpty()) {
            long pid = pending.removeFirst();
            tree.add(pid);
            children.getOrDefault(pid, List.of()).stream().sorted().forEach(pending::addLast);
        }
        return tree;
    }

    /** Fails unless the launcher is running; says each process of its tree. */
    void expectRunning(Consumer<String> say) throws IOException {
        if (ProcessHandle.of(launcher).isEmpty()) {
            throw new IllegalStateException("no process " + launcher + ": is the local stack running?");
        }
        for (long pid : tree()) {
            say.accept("stack process " + pid + ": " + name(pid));
        }
    }

    /** VmRSS of every process of the tree now; one that ended meanwhile is left out. */
    Snapshot snapshot() throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (long pid : tree()) {
            Map<String, Long> status = status(pid);
            if (status.containsKey("VmRSS")) {
                samples.add(new Sample(pid, name(pid), status.get("VmRSS"), status.getOrDefault("RssAnon", 0L)));
            }
        }
        return new Snapshot(samples);
    }

    /** CPU time (user and system) each process of the tree has used so far. */
    Map<Long, Duration> cpuTimes() throws IOException {
        Map<Long, Duration> times = new LinkedHashMap<>();
        for (long pid : tree()) {
            cpuTime(pid).ifPresent(time -> times.put(pid, time));
        }
        return times;
    }

    static Optional<Duration> cpuTime(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
    }

    /** What the process is, from its command line: the launcher, the Kafka broker, or a service by its jar. */
    String name(long pid) {
        return names.computeIfAbsent(pid, StackProcesses::nameFromCommandLine);
    }

    /**
     * The JVM options a process runs with: those of its command line that start with {@code -X}, and
     * the JDK_JAVA_OPTIONS of its environment (which the java launcher applies); empty for the defaults.
     */
    static String jvmOptions(long pid) {
        Path process = PROC.resolve(Long.toString(pid));
        List<String> options = new ArrayList<>();
        try {
            for (String variable : Files.readString(process.resolve("environ"), StandardCharsets.UTF_8).split("\0")) {
                if (variable.startsWith("JDK_JAVA_OPTIONS=")) {
                    options.add(variable.substring("JDK_JAVA_OPTIONS=".length()).strip());
                }
            }
            for (String argument : Files.readString(process.resolve("cmdline"), StandardCharsets.UTF_8).split("\0")) {
                if (argument.startsWith("-X")) {
                    options.add(argument);
                }
            }
        } catch (IOException gone) {
            return "?";
        }
        return String.join(" ", options);
    }

    /** VmRSS and RssAnon, in kB, of any process (empty when it is gone or not readable). */
    static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException gone) {
            return values;
        }
        for (String line : lines) {
            if (line.startsWith("VmRSS:") || line.startsWith("RssAnon:")) {
                String[] parts = line.split("\\s+");
                values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    private static String nameFromCommandLine(long pid) {
        String line;
        try {
            line = new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline")),
                    StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "pid " + pid;
        }
        if (line.contains("io.tally.localstack.LocalStack")) {
            return "launcher (local-stack)";
        }
        if (line.contains(" kafka.Kafka ")) {
            return "Kafka broker";
        }
        int jar = line.indexOf(" -jar ");
        if (jar >= 0) {
            String path = line.substring(jar + " -jar ".length()).split(" ")[0];
            return Path.of(path).getFileName().toString().replaceFirst("-\\d[^/]*\\.jar$", "");
        }
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    /** The parent id from /proc/&lt;pid&gt;/stat: the field after the command name, which may hold spaces and parentheses. */
    private static Optional<Long> parentOf(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[1]));
        } catch (IOException | RuntimeException goneOrOdd) {
            return Optional.empty();
        }
    }
}
