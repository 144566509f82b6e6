package io.tally.systemtests.bench;

import io.tally.testsupport.bench.BenchMachine;

import java.util.Locale;

/** The report's plain-text tables and number formats. */
final class Table {

    private Table() {
    }

    /** A table's head and the rule under it: the first column {@code first} wide, the others 10. */
    static void head(int first, String... cells) {
        row(first, cells);
        StringBuilder rule = new StringBuilder("|").append("-".repeat(first + 2));
        for (int i = 1; i < cells.length; i++) {
            rule.append("|").append("-".repeat(12));
        }
        System.out.println(rule.append("|"));
    }

    /** A table row: the first cell left-aligned, the others right-aligned. */
    static void row(int first, String... cells) {
        StringBuilder line = new StringBuilder("| ").append(String.format(Locale.ROOT, "%-" + first + "s", cells[0]));
        for (int i = 1; i < cells.length; i++) {
            line.append(String.format(Locale.ROOT, " | %10s", cells[i]));
        }
        System.out.println(line.append(" |"));
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String signed(double value, int decimals) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /** {@code a / b} as a factor: {@code 0.87x}. */
    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", a / b);
    }

    static String mb(long kb) {
        return String.format(Locale.ROOT, "%.0f", kb / 1024.0);
    }

    /** The machine in a few words for the Markdown summary: {@code 2 CPUs (model)}. */
    static String cpus() {
        return Runtime.getRuntime().availableProcessors() + " CPUs (" + BenchMachine.procLine("/proc/cpuinfo", "model name") + ")";
    }

    static String memory() {
        String total = BenchMachine.procLine("/proc/meminfo", "MemTotal");
        try {
            return String.format(Locale.ROOT, "%.1f GiB of memory", Long.parseLong(total.replace("kB", "").strip())
                    / 1024.0 / 1024.0);
        } catch (NumberFormatException unexpected) {
            return total + " of memory";
        }
    }
}
