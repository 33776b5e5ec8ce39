package org.opencio.platform.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opencio.platform.export.ExportTable.Column;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class XlsxWriterTests {

    @Test
    void aWorkbookHasEveryPartASpreadsheetNeedsAndEachIsWellFormedXml() throws Exception {
        Map<String, Document> parts = XlsxCheck.parts(workbook());
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml", "xl/styles.xml", "docProps/core.xml", "docProps/app.xml");
        Element sheet = (Element) parts.get("xl/workbook.xml").getElementsByTagNameNS("*", "sheet").item(0);
        assertThat(sheet.getAttribute("name")).isEqualTo("IT budget FY2026");
        String types = parts.get("[Content_Types].xml").getDocumentElement().getTextContent()
                + attributes(parts.get("[Content_Types].xml"), "Override", "PartName");
        assertThat(types).contains("/xl/worksheets/sheet1.xml", "/xl/styles.xml");
    }

    @Test
    void moneyIsANumberWithAMoneyFormatAndTextIsNeverAFormula() throws Exception {
        Map<String, Document> parts = XlsxCheck.parts(workbook());
        NodeList cells = parts.get("xl/worksheets/sheet1.xml").getElementsByTagNameNS("*", "c");
        Element header = (Element) cells.item(0);
        Element text = (Element) cells.item(3);
        Element money = (Element) cells.item(4);
        Element date = (Element) cells.item(5);
        assertThat(header.getAttribute("t")).isEqualTo("inlineStr");
        assertThat(text.getAttribute("r")).isEqualTo("A2");
        assertThat(text.getAttribute("t")).isEqualTo("inlineStr");
        assertThat(text.getTextContent()).isEqualTo("=HYPERLINK(\"x\") & <b>");
        assertThat(money.getAttribute("t")).isEmpty();
        assertThat(money.getElementsByTagNameNS("*", "v").item(0).getTextContent()).isEqualTo("1234.50");
        assertThat(date.getTextContent()).isEqualTo("46082");
        assertThat(parts.get("xl/worksheets/sheet1.xml").getElementsByTagNameNS("*", "f").getLength()).isZero();

        // The money cell's style points at a number format with two decimals and grouping.
        Document styles = parts.get("xl/styles.xml");
        int style = Integer.parseInt(money.getAttribute("s"));
        Element xf = (Element) ((Element) styles.getElementsByTagNameNS("*", "cellXfs").item(0)).getElementsByTagNameNS("*", "xf").item(style);
        String formatId = xf.getAttribute("numFmtId");
        NodeList formats = styles.getElementsByTagNameNS("*", "numFmt");
        String code = null;
        for (int i = 0; i < formats.getLength(); i++) {
            Element f = (Element) formats.item(i);
            if (f.getAttribute("numFmtId").equals(formatId)) {
                code = f.getAttribute("formatCode");
            }
        }
        assertThat(code).isEqualTo("#,##0.00");
    }

    @Test
    void columnNamesGoOnPastZ() {
        assertThat(XlsxWriter.column(0)).isEqualTo("A");
        assertThat(XlsxWriter.column(25)).isEqualTo("Z");
        assertThat(XlsxWriter.column(26)).isEqualTo("AA");
        assertThat(XlsxWriter.column(42)).isEqualTo("AQ");
        assertThat(XlsxWriter.sheetName("a/b:c*d?[e]' that is far too long for a sheet")).hasSizeLessThanOrEqualTo(31).doesNotContain("/", ":");
    }

    private static byte[] workbook() throws Exception {
        var table = new ExportTable("IT budget FY2026", List.of(Column.text("Code", 10), Column.money("Plan", 2), Column.date("Day")),
                List.of(Arrays.asList("=HYPERLINK(\"x\") & <b>", new BigDecimal("1234.50"), LocalDate.of(2026, 3, 1))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(table, out);
        return out.toByteArray();
    }

    private static String attributes(Document doc, String element, String attribute) {
        StringBuilder all = new StringBuilder();
        NodeList nodes = doc.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            all.append(((Element) nodes.item(i)).getAttribute(attribute)).append(' ');
        }
        return all.toString();
    }
}
