package org.opencio.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTests {

    @Test
    void readsQuotedValuesLineBreaksAndEveryLineEnd() throws Exception {
        CsvTable table = CsvTable.read(bytes("\uFEFFlegal_name,notes\r\n\"Acme, Inc.\",\"Says \"\"hi\"\"\nand more\"\rBeta,\n\nGamma,x"));
        assertThat(table.header()).containsExactly("legal_name", "notes");
        assertThat(table.rows()).extracting(CsvTable.Row::values).containsExactly(
                List.of("Acme, Inc.", "Says \"hi\"\nand more"), List.of("Beta", ""), List.of("Gamma", "x"));
        // Rows are numbered as a spreadsheet shows them: the header is row 1; a value with a line break takes two lines.
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 4, 6);
        assertThat(table.column(" NOTES ")).isEqualTo(-1);
        assertThat(table.column("notes")).isEqualTo(1);
    }

    @Test
    void semicolonsWhenTheHeaderUsesThem() throws Exception {
        CsvTable table = CsvTable.read(bytes("legal_name;website\nMüller GmbH;mueller.example\n"));
        assertThat(table.rows().getFirst().values()).containsExactly("Müller GmbH", "mueller.example");
    }

    @Test
    void refusesWhatIsNotCsvTextByItsBytes() {
        assertThatThrownBy(() -> CsvTable.read(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2})).hasMessageContaining("workbook");
        assertThatThrownBy(() -> CsvTable.read(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})).hasMessageContaining("Excel");
        assertThatThrownBy(() -> CsvTable.read(bytes("%PDF-1.7"))).hasMessageContaining("PDF");
        assertThatThrownBy(() -> CsvTable.read(new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0})).hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> CsvTable.read(new byte[] {'a', ',', 0, 'b'})).hasMessageContaining("binary");
        assertThatThrownBy(() -> CsvTable.read(new byte[] {'a', '\n', (byte) 0xE9, 't', 'e'})).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> CsvTable.read(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void brokenQuotingNamesItsRow() {
        assertThatThrownBy(() -> CsvTable.read(bytes("a,b\n1,2\n\"open,3\n4,5")))
                .isInstanceOf(CsvTable.Unreadable.class)
                .hasMessageContaining("Row 3")
                .satisfies(e -> assertThat(((CsvTable.Unreadable) e).row()).isEqualTo(3));
        assertThatThrownBy(() -> CsvTable.read(bytes("a,b\n\"x\"y,2"))).hasMessageContaining("Row 2");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
