package io.tally.systemtests.bench;

import io.tally.systemtests.bench.SystemBenchmark.AtRest;
import io.tally.systemtests.bench.SystemBenchmark.Settings;
import io.tally.systemtests.bench.SystemBenchmark.Writes;
import io.tally.testsupport.bench.BenchMachine;
import io.tally.testsupport.bench.ClosedLoop.Result;
import io.tally.testsupport.bench.Percentiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The system benchmark's results: plain-text tables, then the same figures as Markdown for the README. */
final class Report {

    /** The issue asks for the lag under at least this many writes a second. */
    static final int MIN_STEADY_RATE = 100;
    private static final int PROCESS_WIDTH = 24;
    private static final int SLICE_SECONDS = 5;

    private final Settings settings;
    private final BenchMachine machine;
    private final OddAnswers odd;
    private final long started;

    Report(Settings settings, BenchMachine machine, OddAnswers odd, long started) {
        this.settings = settings;
        this.machine = machine;
        this.odd = odd;
        this.started = started;
    }

    void print(AtRest atRest, ProjectionLag.Result lag, StageDelays delays, UsageSampler.Usage underLoad,
               List<Writes> writes, UsageSampler.Usage duringWrites) {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        machine.print();
        System.out.printf("%-22s %s%n", "settings", settings);
        System.out.println("The stack is local-stack's (./local-stack/run --fresh): its launcher, a Kafka broker and every "
                + "service a JVM of its own, on the local PostgreSQL. The HTTP clients run in the benchmark's JVM on the "
                + "same cores; each step started once the CPUs were quiet.");
        System.out.println();
        boolean met = lagPrint(lag);
        System.out.println("delay by stage, the services' own measure (tally.processor.delay, from the event's time to "
                + "each processor's commit, over Micrometer's last minute or two): " + delays.describe());
        timeline(atRest, lag, underLoad);
        System.out.println();
        writesPrint(writes);
        System.out.println();
        memoryPrint(atRest, underLoad, duringWrites);
        if (odd.count() > 0) {
            System.out.printf(Locale.ROOT, "%d odd answers in all, warm-ups included (the first %d were shown above)%n",
                    odd.count(), odd.shown());
        }
        System.out.printf(Locale.ROOT, "total run time %.0f s%n", SystemBenchmark.secondsSince(started));
        System.out.println();
        markdown(atRest, lag, delays, underLoad, writes, duringWrites, met);
    }

    private boolean lagPrint(ProjectionLag.Result lag) {
        boolean met = lagMet(lag);
        System.out.printf(Locale.ROOT, "2. projection lag: a refill answered 200 by the gateway until GET "
                        + "/api/v1/customers/{id} through the gateway (customer-service's read model, fed through "
                        + "Kafka) shows its balance; read every %d ms (a late row every twentieth of its wait so far), so each lag is rounded up by at most one read or 5%%; "
                        + "a probe every %d ms on %d customers of their own, under a steady open-loop load of %d "
                        + "refills/s through the gateway from %d threads; %d s warm-up (the JVMs' first load; the rate "
                        + "rising from nothing over its first %d s), then %d s measured%n", settings.pollMillis(),
                settings.probeMillis(), settings.probeCustomers(), lag.rate(), settings.lagThreads(),
                settings.lagWarmupSeconds(), settings.lagRampSeconds(), lag.seconds());
        System.out.printf(Locale.ROOT, "steady load: %.1f refills/s answered 200 of %d/s offered, %d errors, latency %s "
                        + "(from the send, not the scheduled time); sends waiting: %d at the window's start, at most %d "
                        + "in it, %d still waiting at its end (dropped)%n", lag.achievedRate(), lag.rate(),
                lag.loadErrors(), lag.loadLatency(), lag.backlogAtStart(), lag.maxBacklog(), lag.unsent());
        if (lag.rate() < MIN_STEADY_RATE) {
            System.out.printf(Locale.ROOT, "NOTE: %d writes/s offered, fewer than the %d/s the lag is to be measured "
                    + "under%n", lag.rate(), MIN_STEADY_RATE);
        }
        if (overCapacity(lag)) {
            System.out.printf(Locale.ROOT, "NOTE: the stack answered fewer writes than offered: the lag below is that of "
                    + "a stack over its capacity%n");
        }
        if (behind(lag)) {
            System.out.printf(Locale.ROOT, "NOTE: more than a second's sends were waiting during the measured window: "
                    + "the stack did not keep up with %d/s, and the lag below is that of a stack behind its load%n",
                    lag.rate());
        }
        System.out.printf(Locale.ROOT, "probes: %d sent (%.1f/s more writes), %d refused or failed, %d not seen within "
                        + "30 s, %d row reads (%.1f/s)%n", lag.probes(), lag.probes() / (double) lag.seconds(),
                lag.probeErrors(), lag.notSeen(), lag.polls(), lag.polls() / (double) lag.seconds());
        Table.head(8, "lag", "count", "p50 ms", "p99 ms", "max ms", "target p99");
        Table.row(8, "", Integer.toString(lag.lag().count()), Table.fixed(lag.lag().ms(50), 1),
                Table.fixed(lag.lag().ms(99), 1), Table.fixed(lag.lag().maxMs(), 1),
                "< " + settings.lagTargetMillis() + " ms " + (met ? "met" : "MISSED"));
        return met;
    }

    /**
     * The measured window of step 2 in slices of {@value #SLICE_SECONDS} s: the steady writes
     * answered and their slowest, the probes accepted and their lag, and the CPU each process used,
     * so that a stall shows where it was and who was busy (or idle) meanwhile.
     */
    private static void timeline(AtRest atRest, ProjectionLag.Result lag, UsageSampler.Usage usage) {
        List<StackProcesses.Sample> shown = atRest.stack().processes().stream()
                .filter(p -> !p.name().startsWith("launcher")).toList();
        List<String> head = new ArrayList<>(List.of("from s", "writes/s", "wr max ms", "lag n", "lag p50", "lag max"));
        shown.forEach(p -> head.add(shortName(p.name()) + " %"));
        head.add("pg %");
        System.out.printf(Locale.ROOT, "the measured window in %d s slices (CPU: 100%% = one core, from the samples "
                + "nearest the slice's ends)%n", SLICE_SECONDS);
        Table.head(6, head.toArray(String[]::new));
        long slice = TimeUnit.SECONDS.toNanos(SLICE_SECONDS);
        for (long from = lag.windowStart(); from < lag.windowStart() + TimeUnit.SECONDS.toNanos(lag.seconds());
             from += slice) {
            long start = from;
            long end = from + slice;
            List<ProjectionLag.Timed> writes = lag.loadTimes().stream().filter(t -> t.at() >= start && t.at() < end)
                    .toList();
            Percentiles lags = Percentiles.of(lag.lagTimes().stream().filter(t -> t.at() >= start && t.at() < end)
                    .mapToLong(ProjectionLag.Timed::nanos).toArray());
            List<String> row = new ArrayList<>(List.of(Long.toString((start - lag.windowStart()) / 1_000_000_000L),
                    Table.fixed(writes.size() / (double) SLICE_SECONDS, 1),
                    Table.fixed(writes.stream().mapToLong(ProjectionLag.Timed::nanos).max().orElse(0) / 1e6, 0),
                    Integer.toString(lags.count()), Table.fixed(lags.ms(50), 0), Table.fixed(lags.maxMs(), 0)));
            Optional<UsageSampler.Tick> first = tickAt(usage, start);
            Optional<UsageSampler.Tick> last = tickAt(usage, end);
            boolean measured = first.isPresent() && last.isPresent() && last.get().at() > first.get().at();
            double seconds = measured ? (last.get().at() - first.get().at()) / 1e9 : Double.NaN;
            for (StackProcesses.Sample p : shown) {
                row.add(measured ? Table.fixed(percent(last.get().cpu().get(p.pid()), first.get().cpu().get(p.pid()),
                        seconds), 0) : "-");
            }
            row.add(measured ? Table.fixed(percent(last.get().pgCpu(), first.get().pgCpu(), seconds), 0) : "-");
            Table.row(6, row.toArray(String[]::new));
        }
    }

    /** The last sample taken at or before {@code at}. */
    private static Optional<UsageSampler.Tick> tickAt(UsageSampler.Usage usage, long at) {
        return usage.ticks().stream().filter(t -> t.at() <= at).reduce((a, b) -> b);
    }

    private static double percent(Duration after, Duration before, double seconds) {
        return after == null || before == null ? Double.NaN : 100.0 * after.minus(before).toNanos() / 1e9 / seconds;
    }

    private static String shortName(String name) {
        return switch (name) {
            case "api-gateway" -> "gateway";
            case "credit-ledger-service" -> "ledger";
            case "customer-service" -> "customer";
            case "auth-service" -> "auth";
            case "Kafka broker" -> "kafka";
            default -> name.length() <= 8 ? name : name.substring(0, 8);
        };
    }

    /** Fewer than 95% of the offered writes answered in the window. */
    private static boolean overCapacity(ProjectionLag.Result lag) {
        return lag.achievedRate() < 0.95 * lag.rate();
    }

    /** More than a second's worth of sends waiting: the load was not steady but piling up. */
    private static boolean behind(ProjectionLag.Result lag) {
        return lag.maxBacklog() > lag.rate();
    }

    private boolean lagMet(ProjectionLag.Result lag) {
        return lag.lag().count() > 0 && lag.notSeen() == 0 && lag.lag().ms(99) < settings.lagTargetMillis();
    }

    private void writesPrint(List<Writes> writes) {
        System.out.printf(Locale.ROOT, "3. ledger writes (POST /api/v1/customers/{id}/balance/refills of 1.00, a fresh "
                        + "Idempotency-Key each, %d customers, each client its own), straight at credit-ledger-service "
                        + "(%s) and through the gateway (%s); after %d s of uncounted refills through the gateway at %d "
                        + "clients, %d s warm-up, then %d s measured per row%n", settings.customers(),
                settings.ledgerUrl(), settings.gatewayUrl(), settings.jvmWarmupSeconds(), settings.mostClients(),
                settings.warmupSeconds(), settings.seconds());
        Table.head(8, "clients", "target", "writes/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (Writes w : writes) {
            writeRow(w.clients(), "direct", w.direct());
            writeRow(w.clients(), "gateway", w.gateway());
            Table.row(8, Integer.toString(w.clients()), "gw/direct",
                    Table.ratio(w.gateway().perSecond(), w.direct().perSecond()),
                    Table.ratio(w.gateway().latency().ms(50), w.direct().latency().ms(50)),
                    Table.ratio(w.gateway().latency().ms(99), w.direct().latency().ms(99)),
                    Table.ratio(w.gateway().latency().maxMs(), w.direct().latency().maxMs()), "");
            Table.row(8, Integer.toString(w.clients()), "gw-direct",
                    Table.signed(w.gateway().perSecond() - w.direct().perSecond(), 1),
                    Table.signed(w.gateway().latency().ms(50) - w.direct().latency().ms(50), 2),
                    Table.signed(w.gateway().latency().ms(99) - w.direct().latency().ms(99), 2),
                    Table.signed(w.gateway().latency().maxMs() - w.direct().latency().maxMs(), 1), "");
        }
        writes.forEach(w -> System.out.printf(Locale.ROOT, "run order at %d clients: %s%n", w.clients(), w.order()));
    }

    private static void writeRow(int clients, String target, Result r) {
        Table.row(8, Integer.toString(clients), target, Table.fixed(r.perSecond(), 1), Table.fixed(r.latency().ms(50), 2),
                Table.fixed(r.latency().ms(99), 2), Table.fixed(r.latency().maxMs(), 1), Long.toString(r.errors()));
    }

    private void memoryPrint(AtRest atRest, UsageSampler.Usage underLoad, UsageSampler.Usage duringWrites) {
        System.out.printf(Locale.ROOT, "4. memory of the stack: VmRSS of the launcher (pid %d) and every process "
                        + "descending from it; at rest after setup and %d s without requests; under the steady load "
                        + "of step 2 the peak of %d samples, one a second (per process, and of the sum), and its CPU "
                        + "averaged over the step's %.0f s (100%% = one core); then the peak during step 3's writes at "
                        + "full speed (%d samples)%n", settings.launcherPid(), settings.restSeconds(),
                underLoad.samples(), underLoad.seconds(), duringWrites.samples());
        Table.head(PROCESS_WIDTH, "process", "pid", "rest MB", "load MB", "load CPU %", "writes MB");
        for (StackProcesses.Sample p : atRest.stack().processes()) {
            Table.row(PROCESS_WIDTH, p.name(), Long.toString(p.pid()), Table.mb(p.rssKb()),
                    peakMb(underLoad, p.pid()), Table.fixed(underLoad.cpuPercent().getOrDefault(p.pid(), Double.NaN), 1),
                    peakMb(duringWrites, p.pid()));
        }
        for (UsageSampler.Usage usage : List.of(underLoad, duringWrites)) {
            usage.peakPerProcess().values().stream()
                    .filter(p -> atRest.stack().processes().stream().noneMatch(r -> r.pid() == p.pid()))
                    .forEach(p -> Table.row(PROCESS_WIDTH, p.name() + " (new)", Long.toString(p.pid()), "-",
                            peakMb(underLoad, p.pid()), "-", peakMb(duringWrites, p.pid())));
        }
        Table.row(PROCESS_WIDTH, "whole stack", "", Table.mb(atRest.stack().totalKb()), Table.mb(underLoad.peakTotalKb()),
                Table.fixed(underLoad.stackCpuPercent(), 1), Table.mb(duringWrites.peakTotalKb()));
        System.out.printf(Locale.ROOT, "not in the tree: PostgreSQL's backends of the databases %s: %d at rest with "
                        + "%.1f MB of their own (RssAnon; their VmRSS, %.1f MB, counts the shared buffers each "
                        + "touched); under the steady load at most %.1f MB of their own and %.1f%% CPU; during the "
                        + "writes at most %.1f MB. The benchmark's own JVM (the HTTP clients) used %.1f%% CPU under the "
                        + "steady load.%n", PostgresBackends.STACK_DATABASES, atRest.postgres().backends(),
                atRest.postgres().privateKb() / 1024.0, atRest.postgres().rssKb() / 1024.0,
                underLoad.pgPeak().privateKb() / 1024.0, underLoad.pgCpuPercent(),
                duringWrites.pgPeak().privateKb() / 1024.0, underLoad.benchCpuPercent());
    }

    private static String peakMb(UsageSampler.Usage usage, long pid) {
        StackProcesses.Sample peak = usage.peakPerProcess().get(pid);
        return peak == null ? "-" : Table.mb(peak.rssKb());
    }

    /** The figures again, as Markdown for the README. */
    private void markdown(AtRest atRest, ProjectionLag.Result lag, StageDelays delays, UsageSampler.Usage underLoad,
                          List<Writes> writes, UsageSampler.Usage duringWrites, boolean met) {
        System.out.println("---------------------------- Markdown summary ----------------------------");
        System.out.printf(Locale.ROOT, "System benchmark (`bench/system.sh`): the local stack (launcher, Kafka broker, "
                        + "three services and the gateway, each a JVM of its own) on the local PostgreSQL, with the "
                        + "benchmark's HTTP clients on the same machine: %s, %s.%n%n", Table.cpus(), Table.memory());
        System.out.printf(Locale.ROOT, "Ledger writes: refills of 1.00 over %d customers, each client its own; %d s "
                + "warm-up, %d s measured per row.%n%n", settings.customers(), settings.warmupSeconds(), settings.seconds());
        System.out.println("| clients | target | writes/s | p50 ms | p99 ms | errors |");
        System.out.println("|---:|---|---:|---:|---:|---:|");
        for (Writes w : writes) {
            for (boolean direct : List.of(true, false)) {
                Result r = direct ? w.direct() : w.gateway();
                System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %d |%n", w.clients(),
                        direct ? "credit-ledger-service" : "through api-gateway", r.perSecond(),
                        r.latency().ms(50), r.latency().ms(99), r.errors());
            }
            System.out.printf(Locale.ROOT, "| %d | gateway / direct | %s | %s | %s | |%n", w.clients(),
                    Table.ratio(w.gateway().perSecond(), w.direct().perSecond()),
                    Table.ratio(w.gateway().latency().ms(50), w.direct().latency().ms(50)),
                    Table.ratio(w.gateway().latency().ms(99), w.direct().latency().ms(99)));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Projection lag (a refill answered by the gateway until the customer's row, read "
                        + "through the gateway every %d ms, a late one less often, shows its balance), under %.1f refills/s through the gateway "
                        + "(%d/s offered, %d errors%s): %d probes, p50 %.0f ms, p99 %.0f ms, max %.0f ms; target p99 < %d "
                        + "ms: **%s**.%n%n", settings.pollMillis(), lag.achievedRate(), lag.rate(), lag.loadErrors(),
                lag.rate() < MIN_STEADY_RATE ? "; fewer than the " + MIN_STEADY_RATE + "/s asked for"
                        : overCapacity(lag) ? "; fewer answered than offered: the stack was over its capacity"
                        : behind(lag) ? "; up to " + lag.maxBacklog() + " sends waiting: the stack did not keep up" : "",
                lag.lag().count(), lag.lag().ms(50), lag.lag().ms(99), lag.lag().maxMs(), settings.lagTargetMillis(),
                met ? "met" : "missed");
        System.out.printf(Locale.ROOT, "Delay by stage, as the services measure it (`tally.processor.delay`, from the "
                + "event's time to the processor's commit, over Micrometer's last minute or two): %s.%n%n",
                delays.describe());
        System.out.printf(Locale.ROOT, "| process | at rest MB | under %d writes/s, peak MB | CPU under that load | "
                + "after the writes at full speed, peak MB |%n", lag.rate());
        System.out.println("|---|---:|---:|---:|---:|");
        for (StackProcesses.Sample p : atRest.stack().processes()) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s%% | %s |%n", p.name(), Table.mb(p.rssKb()),
                    peakMb(underLoad, p.pid()), Table.fixed(underLoad.cpuPercent().getOrDefault(p.pid(), Double.NaN), 0),
                    peakMb(duringWrites, p.pid()));
        }
        System.out.printf(Locale.ROOT, "| **whole stack** | **%s** | **%s** | %s%% | %s |%n",
                Table.mb(atRest.stack().totalKb()), Table.mb(underLoad.peakTotalKb()),
                Table.fixed(underLoad.stackCpuPercent(), 0), Table.mb(duringWrites.peakTotalKb()));
        System.out.println();
        System.out.printf(Locale.ROOT, "VmRSS of the launcher's process tree (each service's heap and the rest of its JVM "
                        + "bounded by deploy/jvm/<module>.env; a heap once grown is seldom given back); the peak of "
                        + "the sum is that of one sample, the per-process peaks may be of different ones. PostgreSQL is "
                        + "not included: the stack's %d backends held %.0f MB of their own at rest and %.0f MB at most "
                        + "under the steady load, using %.0f%% CPU; the benchmark's HTTP clients used %.0f%%.%n",
                atRest.postgres().backends(), atRest.postgres().privateKb() / 1024.0,
                underLoad.pgPeak().privateKb() / 1024.0, underLoad.pgCpuPercent(), underLoad.benchCpuPercent());
    }
}
