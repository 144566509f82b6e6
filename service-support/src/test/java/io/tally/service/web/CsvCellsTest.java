package io.tally.service.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void quotesCellsWithQuotesOrLineBreaks() {
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.cell("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
    }

    @Test
    void leavesPlainCellsAlone() {
        assertThat(CsvCells.cell("Blue Team")).isEqualTo("Blue Team");
        assertThat(CsvCells.cell("ann@example.com")).isEqualTo("ann@example.com");
        assertThat(CsvCells.cell("")).isEmpty();
        assertThat(CsvCells.cell(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+15550100", "-cmd", "@SUM(A1:A9)", "\tcmd", "-", "=", "-5.00e3", "+5"})
    void defusesCellsThatASpreadsheetWouldRun(String value) {
        assertThat(CsvCells.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void defusesAndQuotesAFormulaWithCommasAndQuotes() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5.00", "-5", "-0.01", "5.00", "0"})
    void leavesNumbersAlone(String value) {
        assertThat(CsvCells.cell(value)).isEqualTo(value);
    }

    @Test
    void aLineJoinsItsCellsAndEndsWithCrLf() {
        assertThat(CsvCells.line("a", null, "b,c", "=1")).isEqualTo("a,,\"b,c\",'=1\r\n");
    }
}
