package io.tally.customer.web;

import io.tally.customer.query.CustomerRow;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** RFC 4180 lines of the customer export; cells that a spreadsheet would run as formulas are defused. */
final class CsvRows {

    static final String HEADER = "Customer account,Team name,Team type,Internal customer ID,Balance,Credits,"
            + "Currency,Company name,State,Tags,Registration time\r\n";

    private CsvRows() {
    }

    static String line(CustomerRow row) {
        return Stream.of(row.account(), row.teamName(), row.teamType(), row.id(), row.balance(), row.credits(),
                        row.currency(), row.companyName(), row.state(),
                        tags(row.tags()).stream().map(CsvRows::defused).collect(Collectors.joining(";")),
                        row.registeredAt().toString())
                .map(CsvRows::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
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
    private static String defused(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value) ? "'" + value : value;
    }

    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
