package io.tally.systemtests.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The stack's memory sampled once a second while a step runs, keeping the peaks, and the CPU time
 * each process used from the start to the stop: the stack's processes, PostgreSQL's backends of
 * the stack's databases, and this JVM (the HTTP clients).
 */
final class UsageSampler {

    /** What a step used. CPU in percent of one core, averaged over {@code seconds}. */
    record Usage(Map<Long, StackProcesses.Sample> peakPerProcess, long peakTotalKb, int samples,
                 PostgresBackends.Snapshot pgPeak, Map<Long, Double> cpuPercent, double pgCpuPercent,
                 double benchCpuPercent, double seconds, List<Tick> ticks) {

        double stackCpuPercent() {
            return cpuPercent.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    /** One sample's CPU times so far: of each stack process, and of PostgreSQL's backends together. */
    record Tick(long at, Map<Long, Duration> cpu, Duration pgCpu) {
    }

    private final StackProcesses stack;
    private final PostgresBackends postgres;
    private final OddAnswers odd;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Tick> ticks = new ArrayList<>();
    private final Map<Long, StackProcesses.Sample> peak = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private final Map<Long, Duration> cpuBefore;
    private final Map<Long, Duration> pgCpuBefore;
    private final Duration benchCpuBefore;
    private long peakTotalKb;
    private int samples;
    private PostgresBackends.Snapshot pgPeak = new PostgresBackends.Snapshot(0, 0, 0);

    private UsageSampler(StackProcesses stack, PostgresBackends postgres, OddAnswers odd)
            throws IOException, SQLException {
        this.stack = stack;
        this.postgres = postgres;
        this.odd = odd;
        cpuBefore = stack.cpuTimes();
        pgCpuBefore = cpuTimes(postgres.pids());
        benchCpuBefore = benchCpu();
    }

    static UsageSampler start(StackProcesses stack, PostgresBackends postgres, OddAnswers odd)
            throws IOException, SQLException {
        UsageSampler sampler = new UsageSampler(stack, postgres, odd);
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, 1, TimeUnit.SECONDS);
        return sampler;
    }

    Usage stop() throws IOException, SQLException, InterruptedException {
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Long, Duration> cpuAfter = stack.cpuTimes();
        Map<Long, Duration> pgCpuAfter = cpuTimes(postgres.pids());
        Duration benchCpuAfter = benchCpu();
        timer.shutdown();
        timer.awaitTermination(10, TimeUnit.SECONDS);
        Map<Long, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((pid, after) -> cpu.put(pid, percent(after.minus(cpuBefore.getOrDefault(pid, Duration.ZERO)),
                seconds)));
        // Backends that came or went during the step count from their start or up to their end.
        Duration pg = pgCpuAfter.entrySet().stream()
                .map(e -> e.getValue().minus(pgCpuBefore.getOrDefault(e.getKey(), Duration.ZERO)))
                .reduce(Duration.ZERO, Duration::plus);
        synchronized (peak) {
            return new Usage(new LinkedHashMap<>(peak), peakTotalKb, samples, pgPeak, cpu, percent(pg, seconds),
                    percent(benchCpuAfter.minus(benchCpuBefore), seconds), seconds, List.copyOf(ticks));
        }
    }

    private void sample() {
        try {
            long at = System.nanoTime();
            StackProcesses.Snapshot now = stack.snapshot();
            Map<Long, Duration> cpu = stack.cpuTimes();
            List<Long> pgPids = postgres.pids();
            PostgresBackends.Snapshot pg = PostgresBackends.snapshot(pgPids);
            Duration pgCpu = cpuTimes(pgPids).values().stream().reduce(Duration.ZERO, Duration::plus);
            synchronized (peak) {
                samples++;
                ticks.add(new Tick(at, cpu, pgCpu));
                peakTotalKb = Math.max(peakTotalKb, now.totalKb());
                now.processes().forEach(p -> peak.merge(p.pid(), p, (a, b) -> a.rssKb() >= b.rssKb() ? a : b));
                if (pg.privateKb() > pgPeak.privateKb()) {
                    pgPeak = pg;
                }
            }
        } catch (IOException | SQLException | RuntimeException e) {
            odd.note("memory sample failed: " + e);
        }
    }

    private static Map<Long, Duration> cpuTimes(List<Long> pids) {
        Map<Long, Duration> times = new LinkedHashMap<>();
        pids.forEach(pid -> StackProcesses.cpuTime(pid).ifPresent(time -> times.put(pid, time)));
        return times;
    }

    private static Duration benchCpu() {
        return StackProcesses.cpuTime(ProcessHandle.current().pid()).orElse(Duration.ZERO);
    }

    private static double percent(Duration cpu, double seconds) {
        return 100.0 * cpu.toNanos() / 1e9 / seconds;
    }
}
