package io.tally.systemtests.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time read from {@code /proc/<pid>/stat}: utime + stime, and cutime + cstime, the time of
 * children the process has reaped. Summed over every PostgreSQL process (comm {@code postgres}) the
 * latter holds the backends that ended meanwhile (the postmaster reaps them), such as pgbench's;
 * for this JVM it is the pgbench processes it ran. The stack's processes are the launcher's
 * descendants, without the launcher itself.
 */
final class ProcCpu {

    /**
     * The CPU time used so far, in milliseconds: of each stack process (by its name), of PostgreSQL, of
     * this JVM and of its children.
     */
    record Reading(long at, Map<String, Double> stackMs, double jitMs, double postgresMs, double clientsMs,
                   double childrenMs) {

        /** What each part used from {@code before} to this reading; a process that came meanwhile counts from nothing. */
        Usage since(Reading before) {
            Map<String, Double> stack = new LinkedHashMap<>();
            stackMs.forEach((pid, ms) -> stack.put(pid, ms - before.stackMs.getOrDefault(pid, 0.0)));
            return new Usage((at - before.at) / 1e9, stack, jitMs - before.jitMs, postgresMs - before.postgresMs,
                    clientsMs - before.clientsMs, childrenMs - before.childrenMs);
        }
    }

    /**
     * CPU milliseconds each part used over {@code seconds}; {@code jitMs}, of the stack's, is that of
     * its JVMs' JIT compiler threads (those that lived through the reading: the JVM stops idle ones).
     */
    record Usage(double seconds, Map<String, Double> stackMs, double jitMs, double postgresMs, double clientsMs,
                 double childrenMs) {

        double stackTotalMs() {
            return stackMs.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private static final Path PROC = Path.of("/proc");

    private final StackProcesses stack;
    private final double msPerTick;

    ProcCpu(StackProcesses stack, long ticksPerSecond) {
        this.stack = stack;
        this.msPerTick = 1000.0 / ticksPerSecond;
    }

    Reading read() throws IOException {
        long at = System.nanoTime();
        Map<String, Double> stackMs = new LinkedHashMap<>();
        List<Long> tree = stack.tree();
        long jit = 0;
        for (long pid : tree.subList(1, tree.size())) {
            ticks(pid).ifPresent(t -> stackMs.merge(stack.name(pid), (t[0] + t[1]) * msPerTick, Double::sum));
            jit += compilerTicks(pid);
        }
        long postgres = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                if (isPostgres(entry)) {
                    long pid = Long.parseLong(entry.getFileName().toString());
                    postgres += ticks(pid).map(t -> t[0] + t[1]).orElse(0L);
                }
            }
        }
        long[] self = ticks(ProcessHandle.current().pid()).orElse(new long[2]);
        return new Reading(at, stackMs, jit * msPerTick, postgres * msPerTick, self[0] * msPerTick,
                self[1] * msPerTick);
    }

    private static boolean isPostgres(Path process) {
        return comm(process).equals("postgres");
    }

    /** The ticks of a JVM's JIT compiler threads (named "C1 CompilerThread0" and so on, cut to 15 characters). */
    private static long compilerTicks(long pid) {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve(Long.toString(pid)).resolve("task"))) {
            for (Path task : tasks) {
                if (comm(task).matches("C[12] CompilerThre")) {
                    ticks += ticks(task.resolve("stat")).map(t -> t[0]).orElse(0L);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return ticks;
        }
        return ticks;
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm"), StandardCharsets.UTF_8).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** Of a process: its own ticks (utime + stime) and those of the children it reaped (cutime + cstime). */
    private static Optional<long[]> ticks(long pid) {
        return ticks(PROC.resolve(Long.toString(pid)).resolve("stat"));
    }

    private static Optional<long[]> ticks(Path statFile) {
        try {
            String stat = Files.readString(statFile, StandardCharsets.UTF_8);
            // The fields after the command name (which may hold spaces and parentheses), from the state, field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new long[] {Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]) + Long.parseLong(fields[14])});
        } catch (IOException | RuntimeException goneOrOdd) {
            return Optional.empty();
        }
    }
}
