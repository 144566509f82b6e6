package io.tally.systemtests.bench;

import io.tally.systemtests.bench.CompareBenchmark.Row;
import io.tally.systemtests.bench.CompareBenchmark.Settings;
import io.tally.systemtests.bench.CompareBenchmark.Target;
import io.tally.testsupport.bench.BenchMachine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The comparison's results as Markdown: the rows and their ratios, the CPU per write of each
 * process, what the catch-ups waited for, and the targets; printed, and written with the date, the
 * commit and the machine to {@code compare-<timestamp>.md}.
 */
final class CompareReport {

    /** The targets: refills through the gateway against pgbench's tps, per client count; CPU; gateway against direct. */
    private static final double GATEWAY_PER_PGBENCH_AT_1 = 0.20;
    private static final double GATEWAY_PER_PGBENCH_AT_8 = 0.25;
    private static final double GATEWAY_PER_DIRECT_AT_8 = 0.8;
    private static final double CPU_MS_PER_WRITE = 2.0;

    private final Settings settings;
    private final BenchMachine machine;
    private final OddAnswers odd;
    private final String postgres;
    private final String stackJvms;
    private final long started;
    private final ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

    CompareReport(Settings settings, BenchMachine machine, OddAnswers odd, String postgres, String stackJvms,
                  long started) {
        this.settings = settings;
        this.machine = machine;
        this.odd = odd;
        this.postgres = postgres;
        this.stackJvms = stackJvms;
        this.started = started;
    }

    void print(List<Row> rows) throws IOException {
        System.out.println();
        System.out.println("================================ RESULTS ================================");
        machine.print();
        if (odd.count() > 0) {
            System.out.printf(Locale.ROOT, "%d odd answers in all, warm-ups included (the first %d were shown above)%n",
                    odd.count(), odd.shown());
        }
        System.out.printf(Locale.ROOT, "total run time %.0f s%n%n", SystemBenchmark.secondsSince(started));
        String markdown = markdown(rows);
        System.out.print(markdown);
        Files.createDirectories(settings.outputDirectory());
        Path file = settings.outputDirectory().resolve("compare-"
                + now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println("written to " + file);
    }

    private String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### pgbench and Tally's writes (`bench/compare.sh`), %s%n%n",
                now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))));
        md.append(String.format(Locale.ROOT, "Commit %s; %s, %s; %s. The local stack (`./local-stack/run --fresh`: "
                        + "Kafka broker, three services, gateway, each a JVM of its own), pgbench and the HTTP clients "
                        + "share the machine. Their JVM options: %s.%n%n", settings.commit(), Table.cpus(), Table.memory(),
                postgres, stackJvms));
        md.append(String.format(Locale.ROOT, "Every row: %d s at its client count after %d s of warm-up, started after "
                        + "a CHECKPOINT with the CPUs quiet (a %d s JVM warm-up through the gateway at %d clients came "
                        + "first). pgbench: built-in TPC-B-like script, `-M prepared`, scale %d, `-j` up to %d, on a "
                        + "database of its own. Refills: 1.00 on %d customers of one platform, each a fresh "
                        + "Idempotency-Key, each client its own customers; a refill row ends once every event-store "
                        + "processor has handled the last event and the customer list, read through the gateway, "
                        + "shows every balance written (the catch-up). CPU: utime + stime (and that of reaped "
                        + "children) from /proc of the gateway, the services, the Kafka broker and every PostgreSQL "
                        + "process over the row and its catch-up, per refill; for pgbench, of PostgreSQL and pgbench "
                        + "per transaction.%n%n", settings.seconds(), settings.warmupSeconds(),
                settings.jvmWarmupSeconds(), settings.mostClients(), settings.pgbenchScale(),
                Runtime.getRuntime().availableProcessors(), settings.customers()));
        md.append("| clients | row | per s, writing | per s, with catch-up | done | catch-up s | CPU ms each "
                + "| latency ms | errors |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---|---:|\n");
        for (int clients : settings.clients()) {
            Optional<Row> pg = row(rows, clients, Target.PGBENCH);
            Optional<Row> gw = row(rows, clients, Target.GATEWAY);
            Optional<Row> direct = row(rows, clients, Target.DIRECT);
            for (Optional<Row> row : List.of(pg, gw, direct)) {
                row.ifPresent(r -> md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %,d | %s | %.3f | %s | %d |%n",
                        r.clients(), title(r.target()), number(r.perSecond()), number(r.perSecondWithCatchUp()),
                        r.done(), r.catchUp() == null ? "–" : String.format(Locale.ROOT, "%.2f", r.catchUpSeconds()),
                        r.cpuMsEach(), r.latency(), r.errors())));
            }
            ratio(md, clients, "gateway / pgbench", gw, pg, true);
            ratio(md, clients, "direct / pgbench", direct, pg, true);
            ratio(md, clients, "gateway / direct", gw, direct, false);
        }
        md.append('\n');
        cpuByProcess(md, rows);
        md.append('\n');
        for (Row r : rows) {
            if (r.catchUp() != null) {
                md.append(String.format(Locale.ROOT, "- %s, %s: %s%n", clients(r.clients()), r.target().key,
                        r.catchUp().brief()));
            } else {
                md.append(String.format(Locale.ROOT, "- %s, pgbench: meanwhile the idle stack's processes used "
                        + "%.1f%% of a core (not in pgbench's figure)%n", clients(r.clients()),
                        100 * r.cpu().stackTotalMs() / 1000 / r.cpu().seconds()));
            }
        }
        md.append('\n');
        targets(md, rows);
        return md.toString();
    }

    private static void ratio(StringBuilder md, int clients, String name, Optional<Row> a, Optional<Row> b,
                              boolean percent) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        Row x = a.get();
        Row y = b.get();
        md.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | | | %s | | |%n", clients, name,
                share(x.perSecond() / y.perSecond(), percent),
                share(x.perSecondWithCatchUp() / y.perSecondWithCatchUp(), percent),
                Table.ratio(x.cpuMsEach(), y.cpuMsEach())));
    }

    /** CPU milliseconds per write or transaction of each process (or kind of process), per row. */
    private static void cpuByProcess(StringBuilder md, List<Row> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.cpu().stackMs().keySet()));
        List<String> head = new ArrayList<>(List.of("clients", "row"));
        head.addAll(names);
        head.addAll(List.of("PostgreSQL", "pgbench", "counted", "of which the JVMs' JIT compilers",
                "HTTP clients (not counted)"));
        md.append("CPU ms per refill or transaction, by process, over the row and its catch-up:\n\n");
        md.append("| ").append(String.join(" | ", head)).append(" |\n");
        md.append("|---:|---|").append("---:|".repeat(head.size() - 2)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(r.clients()), r.target().key));
            for (String name : names) {
                double ms = r.cpu().stackMs().getOrDefault(name, 0.0);
                cells.add(r.target() == Target.PGBENCH ? String.format(Locale.ROOT, "(%.3f)", ms / r.done())
                        : String.format(Locale.ROOT, "%.3f", ms / r.done()));
            }
            cells.add(String.format(Locale.ROOT, "%.3f", r.cpu().postgresMs() / r.done()));
            cells.add(r.target() == Target.PGBENCH ? String.format(Locale.ROOT, "%.3f", r.cpu().childrenMs() / r.done())
                    : "–");
            cells.add(String.format(Locale.ROOT, "**%.3f**", r.cpuMsEach()));
            cells.add(r.target() == Target.PGBENCH ? "–" : String.format(Locale.ROOT, "%.3f", r.cpu().jitMs() / r.done()));
            cells.add(String.format(Locale.ROOT, "%.3f", r.cpu().clientsMs() / r.done()));
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        md.append("\n(In brackets: the idle stack while pgbench ran, not counted.)\n");
    }

    private void targets(StringBuilder md, List<Row> rows) {
        md.append("Targets (with the catch-up; over the writing time alone in brackets):\n\n");
        target(md, rows, 1, "refills through the gateway ≥ 20% of pgbench's tps at 1 client", GATEWAY_PER_PGBENCH_AT_1,
                Target.GATEWAY, Target.PGBENCH, true);
        target(md, rows, 8, "refills through the gateway ≥ 25% of pgbench's tps at 8 clients", GATEWAY_PER_PGBENCH_AT_8,
                Target.GATEWAY, Target.PGBENCH, true);
        target(md, rows, 8, "gateway / direct ≥ 0.8 at 8 clients", GATEWAY_PER_DIRECT_AT_8, Target.GATEWAY,
                Target.DIRECT, false);
        for (Row r : rows) {
            if (r.target() == Target.GATEWAY) {
                md.append(String.format(Locale.ROOT, "- CPU per refill through the gateway ≤ %.0f ms at %s: "
                        + "%.3f ms, **%s**%n", CPU_MS_PER_WRITE, clients(r.clients()), r.cpuMsEach(),
                        r.cpuMsEach() <= CPU_MS_PER_WRITE ? "met" : "missed"));
            }
        }
    }

    private static void target(StringBuilder md, List<Row> rows, int clients, String what, double target, Target a,
                               Target b, boolean percent) {
        Optional<Row> x = row(rows, clients, a);
        Optional<Row> y = row(rows, clients, b);
        if (x.isEmpty() || y.isEmpty()) {
            return;
        }
        double withCatchUp = x.get().perSecondWithCatchUp() / y.get().perSecondWithCatchUp();
        double writing = x.get().perSecond() / y.get().perSecond();
        md.append(String.format(Locale.ROOT, "- %s: %s (%s), **%s**%n", what, share(withCatchUp, percent),
                share(writing, percent), withCatchUp >= target ? "met" : "missed"));
    }

    private static Optional<Row> row(List<Row> rows, int clients, Target target) {
        return rows.stream().filter(r -> r.clients() == clients && r.target() == target).findFirst();
    }

    private String title(Target target) {
        return switch (target) {
            case PGBENCH -> "pgbench TPC-B-like (transactions)";
            case GATEWAY -> "refills through api-gateway";
            case DIRECT -> "refills straight at credit-ledger-service";
        };
    }

    private static String clients(int count) {
        return count + (count == 1 ? " client" : " clients");
    }

    private static String share(double value, boolean percent) {
        return percent ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }
}
