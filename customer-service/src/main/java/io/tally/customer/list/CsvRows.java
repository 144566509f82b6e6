package io.tally.customer.list;

import io.tally.service.web.CsvCells;

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
                        tags(row.tags()).stream().map(CsvCells::defused).collect(Collectors.joining(";")),
                        row.registeredAt().toString())
                .map(CsvCells::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : tags;
    }
}
