package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvExportTests {

    @Test
    void cellsThatASpreadsheetWouldRunAsFormulasBecomeText() {
        assertThat(Csv.safeCell("=HYPERLINK(\"http://x\")", ',')).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(Csv.safeCell("+1", ',')).isEqualTo("'+1");
        assertThat(Csv.safeCell("-1", ',')).isEqualTo("'-1");
        assertThat(Csv.safeCell("@SUM(A1)", ',')).isEqualTo("'@SUM(A1)");
        assertThat(Csv.safeCell("\tcmd", ',')).isEqualTo("'\tcmd");
        assertThat(Csv.safeCell("plain, text", ',')).isEqualTo("\"plain, text\"");
        assertThat(Csv.safeCell("", ',')).isEmpty();
    }
}
