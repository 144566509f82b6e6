package io.tally.customer.list;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvRowsTest {

    private static final String CUSTOMER_ID = "6f1c2a7e-0d4b-4c55-9a3e-1b2c3d4e5f60";
    private static final Instant REGISTERED_AT = Instant.parse("2025-03-01T10:00:00Z");

    private static CustomerRow row(String account, String teamName, String companyName, String balance,
                                   List<String> tags) {
        return new CustomerRow(CUSTOMER_ID, account, teamName, "ENTERPRISE", companyName, balance, "5.00", "USD",
                "ON", tags, REGISTERED_AT, true, "ENTERPRISE", "Ann Lee", "+1 555 0100", null);
    }

    @Test
    void theHeaderHasElevenColumnsAndEndsTheLine() {
        assertThat(CsvRows.HEADER).endsWith("\r\n");
        assertThat(CsvRows.HEADER.strip().split(",", -1)).containsExactly("Customer account", "Team name",
                "Team type", "Internal customer ID", "Balance", "Credits", "Currency", "Company name", "State", "Tags",
                "Registration time");
    }

    @Test
    void eachTagIsDefusedAndCellsWithSemicolonsAreQuoted() {
        String line = CsvRows.line(row("ann@example.com", "A;B", null, "0.00", List.of("vip", "=HYPERLINK(1)")));

        assertThat(line).contains(",\"A;B\",").contains(",\"vip;'=HYPERLINK(1)\",");
    }

    @Test
    void aLineHasTheCellsInTheOrderOfTheHeader() {
        String line = CsvRows.line(row("ann@example.com", "Blue Team", "Acme Ltd", "20.00", List.of("vip", "beta")));

        assertThat(line).isEqualTo("ann@example.com,Blue Team,ENTERPRISE," + CUSTOMER_ID
                + ",20.00,5.00,USD,Acme Ltd,ON,\"vip;beta\",2025-03-01T10:00:00Z\r\n");
        assertThat(line.strip().split(",", -1)).hasSize(11);
    }

    @Test
    void missingValuesAreEmptyCells() {
        String line = CsvRows.line(row("ann@example.com", "Blue Team", null, "0.00", null));

        assertThat(line).isEqualTo("ann@example.com,Blue Team,ENTERPRISE," + CUSTOMER_ID
                + ",0.00,5.00,USD,,ON,,2025-03-01T10:00:00Z\r\n");
    }

    @Test
    void quotesCellsWithCommasAndDoublesTheirQuotes() {
        String line = CsvRows.line(row("ann@example.com", "Blue, \"Best\" Team", "Acme, Inc.", "20.00",
                List.of("vip")));

        assertThat(line).isEqualTo("ann@example.com,\"Blue, \"\"Best\"\" Team\",ENTERPRISE," + CUSTOMER_ID
                + ",20.00,5.00,USD,\"Acme, Inc.\",ON,vip,2025-03-01T10:00:00Z\r\n");
    }

    @Test
    void defusesAFormulaInATeamName() {
        String line = CsvRows.line(row("ann@example.com", "=cmd|' /C calc'!A0", null, "20.00", List.of("@vip")));

        assertThat(line).isEqualTo("ann@example.com,'=cmd|' /C calc'!A0,ENTERPRISE," + CUSTOMER_ID
                + ",20.00,5.00,USD,,ON,'@vip,2025-03-01T10:00:00Z\r\n");
    }

    @Test
    void aNegativeBalanceStaysANumber() {
        String line = CsvRows.line(row("ann@example.com", "Blue Team", null, "-5.00", List.of()));

        assertThat(line).contains("," + CUSTOMER_ID + ",-5.00,5.00,USD,");
    }
}
