package io.tally.service.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * RFC 4180 cells and lines for the CSV exports. A cell that a spreadsheet would run as a formula
 * gets a leading apostrophe (numbers, negative ones included, stay numbers).
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One CRLF-terminated line of the cells, each quoted where it must be. */
    public static String line(String... cells) {
        return Stream.of(cells).map(CsvCells::cell).collect(Collectors.joining(",", "", "\r\n"));
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = defused(value);
        if (safe.contains(",") || safe.contains(";") || safe.contains("\"") || safe.contains("\n")
                || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** A value a spreadsheet would run as a formula gets a leading apostrophe. */
    public static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
