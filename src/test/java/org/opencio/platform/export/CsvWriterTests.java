package org.opencio.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencio.platform.export.ExportTable.Column;

class CsvWriterTests {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        assertThat(CsvWriter.text("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvWriter.text("+49 711 123")).isEqualTo("'+49 711 123");
        assertThat(CsvWriter.text("-cmd")).isEqualTo("'-cmd");
        assertThat(CsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.text("\tx")).isEqualTo("'\tx");
        assertThat(CsvWriter.text("\rx")).isEqualTo("\"'\rx\"");
        assertThat(CsvWriter.text("Laptops")).isEqualTo("Laptops");
        assertThat(CsvWriter.text("a = b")).isEqualTo("a = b");
    }

    @Test
    void fieldsAreQuotedAsRfc4180SaysAndNumbersStayNumbers() throws Exception {
        var table = new ExportTable("Budget", List.of(Column.text("Name", 10), Column.money("Plan", 2), Column.date("Day"), Column.integer("N")),
                List.of(
                        Arrays.asList("Cables, \"red\"", new BigDecimal("-1234.50"), LocalDate.of(2026, 3, 1), 7),
                        Arrays.asList("two\nlines", null, null, null)));
        StringWriter out = new StringWriter();
        CsvWriter.write(table, out);
        assertThat(out.toString()).isEqualTo("Name,Plan,Day,N\r\n"
                + "\"Cables, \"\"red\"\"\",-1234.50,2026-03-01,7\r\n"
                + "\"two\nlines\",,,\r\n");
    }
}
