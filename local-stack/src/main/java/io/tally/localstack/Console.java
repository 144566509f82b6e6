package io.tally.localstack;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** The launcher's terminal: each child's lines behind a fixed-width label, problems on stderr. */
final class Console {

    enum Colour {
        BOLD("1"), RED("31"), GREEN("32"), YELLOW("33"), BLUE("34"), MAGENTA("35"), CYAN("36");

        private final String code;

        Colour(String code) {
            this.code = code;
        }
    }

    private static final String OWN_LABEL = "stack";
    private static final int RULE_WIDTH = 78;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colours;

    Console(PrintStream out, PrintStream err, boolean colours) {
        this.out = out;
        this.err = err;
        this.colours = colours;
    }

    /** Colours only on a terminal, and never when NO_COLOR asks for none (https://no-color.org). */
    static Console forTerminal(Map<String, String> environment) {
        return new Console(System.out, System.err, System.console() != null && !environment.containsKey("NO_COLOR"));
    }

    void child(String label, Colour colour, String line) {
        out.println(paint(String.format("%-8s | ", label), colour) + line);
    }

    void say(String message) {
        child(OWN_LABEL, Colour.BOLD, message);
    }

    void problem(StartupProblem problem) {
        err.println(paint(problem.what(), Colour.RED));
        err.println(problem.remedy());
    }

    void failure(LaunchFailure failure) {
        err.println(paint(failure.getMessage(), Colour.RED));
        if (!failure.recentLines().isEmpty()) {
            err.println("Its last " + failure.recentLines().size() + " lines:");
            failure.recentLines().forEach(line -> err.println("    " + line));
        }
    }

    /** Something that went wrong while the stack goes on running. */
    void trouble(String what, List<String> details) {
        err.println(paint(what, Colour.RED));
        details.forEach(line -> err.println("    " + line));
    }

    /** A box open on the right, so that lines longer than the terminal (tokens) stay copyable. */
    void box(String title, List<String> lines) {
        String top = "┌─ " + title + " ";
        out.println();
        out.println(paint(top + "─".repeat(Math.max(0, RULE_WIDTH - top.length())), Colour.GREEN));
        lines.forEach(line -> out.println(paint("│ ", Colour.GREEN) + line));
        out.println(paint("└" + "─".repeat(RULE_WIDTH - 1), Colour.GREEN));
        out.println();
    }

    void flush() {
        out.flush();
        err.flush();
    }

    private String paint(String text, Colour colour) {
        return colours ? "\u001B[" + colour.code + "m" + text + "\u001B[0m" : text;
    }
}
