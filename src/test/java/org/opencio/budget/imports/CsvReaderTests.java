package org.opencio.budget.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    record Row(long line, List<String> values, String problem) {}

    static List<Row> read(String text) throws Exception {
        return read(text, ',', 1 << 20);
    }

    static List<Row> read(String text, char delimiter, int max) throws Exception {
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new StringReader(text), delimiter, max)) {
            CsvReader.Record r;
            while ((r = csv.next()) != null) {
                rows.add(new Row(r.line(), r.values(), r.problem()));
            }
        }
        return rows;
    }

    @Test
    void readsPlainAndQuotedValuesWithDoubledQuotesDelimitersAndLineBreaks() throws Exception {
        List<Row> rows = read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",\n3,,\"\"\n");
        assertThat(rows).extracting(Row::values).containsExactly(
                List.of("a", "b", "c"),
                List.of("1", "x, y", "say \"hi\""),
                List.of("2", "two\nlines", ""),
                List.of("3", "", ""));
        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 3L, 5L);
        assertThat(rows).extracting(Row::problem).containsOnlyNulls();
    }

    @Test
    void acceptsAByteOrderMarkCrlfLoneCrBlankLinesAndNoFinalLineEnd() throws Exception {
        List<Row> rows = read("\uFEFFBilledCost,ServiceName\r\n1.5,EC2\r\n\r\n2,S3\r3,\"Lambda\"");
        assertThat(rows).extracting(Row::values).containsExactly(
                List.of("BilledCost", "ServiceName"), List.of("1.5", "EC2"), List.of("2", "S3"), List.of("3", "Lambda"));
        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 4L, 5L);
    }

    @Test
    void marksBadQuotingOnItsLineAndReadsOn() throws Exception {
        List<Row> rows = read("a,b\n1,ab\"c\n2,\"ok\"x\n3,fine\n");
        assertThat(rows.get(1).problem()).contains("quote inside an unquoted value in column 2");
        assertThat(rows.get(2).problem()).contains("text after the closing quote in column 2");
        assertThat(rows.get(3).values()).containsExactly("3", "fine");
        assertThat(rows.get(3).problem()).isNull();
    }

    @Test
    void aQuoteNeverClosedBreaksTheFileNamingTheLineItOpensOn() {
        assertThatThrownBy(() -> read("a,b\n1,2\n3,\"open\n4,5\n"))
                .isInstanceOf(CsvReader.Broken.class)
                .hasMessageContaining("starts on line 3 is never closed");
        assertThatThrownBy(() -> read("a,b\n1,\"" + "x".repeat(200) + "\n", ',', 100))
                .isInstanceOf(CsvReader.Broken.class)
                .hasMessageContaining("longer than 100 characters");
    }

    @Test
    void binaryContentIsNotACsvFile() {
        assertThatThrownBy(() -> read("PK\u0003\u0004\u0000\u0000xl/workbook.xml"))
                .isInstanceOf(CsvReader.Broken.class)
                .hasMessageContaining("binary content");
    }

    @Test
    void otherDelimitersAndValuesLongerThanTheBuffer() throws Exception {
        String longValue = "v".repeat(200_000);
        List<Row> rows = read("a;b\n\"" + longValue + "\";" + longValue + "\n", ';', 1 << 20);
        assertThat(rows.get(1).values()).containsExactly(longValue, longValue);
    }

    @Test
    void aFormulaInATextCellIsJustText() throws Exception {
        List<Row> rows = read("ResourceName\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n+1\n@SUM(A1)\n");
        assertThat(rows).extracting(r -> r.values().getFirst())
                .containsExactly("ResourceName", "=HYPERLINK(\"http://x\",\"y\")", "+1", "@SUM(A1)");
    }
}
