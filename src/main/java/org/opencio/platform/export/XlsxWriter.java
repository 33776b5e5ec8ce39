package org.opencio.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as an Office Open XML workbook (.xlsx) with one sheet: the header row bold and frozen, a filter on
 * it, column widths, money as numbers with a thousands format, dates as dates. Strings are written inline (no shared
 * string table), which every spreadsheet program reads, and never as formulas.
 */
public final class XlsxWriter {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final LocalDate EPOCH = LocalDate.of(1899, 12, 30);
    private static final int MAX_DIGITS = 4;

    // Cell formats (indexes into cellXfs of the styles part).
    private static final int STYLE_HEADER = 1;
    private static final int STYLE_DATE = 2;
    private static final int STYLE_INTEGER = 3;
    private static final int STYLE_NUMBER = 4;
    private static final int STYLE_MONEY = 5; // + decimals (0–4)

    private XlsxWriter() {}

    public static void write(ExportTable table, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Writer w = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
        entry(zip, w, "[Content_Types].xml", contentTypes());
        entry(zip, w, "_rels/.rels", rootRels());
        entry(zip, w, "docProps/app.xml", "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
                + "<Application>OpenCIO</Application></Properties>");
        entry(zip, w, "docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + escape(table.name()) + "</dc:title></cp:coreProperties>");
        entry(zip, w, "xl/workbook.xml", workbook(table));
        entry(zip, w, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + PKG_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/></Relationships>");
        entry(zip, w, "xl/styles.xml", styles());
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        sheet(table, w);
        w.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static void sheet(ExportTable table, Writer w) throws IOException {
        int columns = table.columns().size();
        int rows = table.rows().size() + 1;
        String lastCell = column(columns - 1) + rows;
        w.write(XML + "<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\">");
        w.write("<dimension ref=\"A1:" + lastCell + "\"/>");
        w.write("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>");
        w.write("<sheetFormatPr defaultRowHeight=\"15\"/><cols>");
        for (int c = 0; c < columns; c++) {
            ExportTable.Column col = table.columns().get(c);
            int width = Math.max(col.width(), Math.min(40, col.header().length() + 2));
            w.write("<col min=\"" + (c + 1) + "\" max=\"" + (c + 1) + "\" width=\"" + width + "\" customWidth=\"1\"/>");
        }
        w.write("</cols><sheetData>");
        StringBuilder row = new StringBuilder(1024);
        row.append("<row r=\"1\">");
        for (int c = 0; c < columns; c++) {
            inline(row, column(c) + 1, table.columns().get(c).header(), STYLE_HEADER);
        }
        w.write(row.append("</row>").toString());
        int r = 2;
        for (List<@Nullable Object> values : table.rows()) {
            row.setLength(0);
            row.append("<row r=\"").append(r).append("\">");
            for (int c = 0; c < columns; c++) {
                cell(row, column(c) + r, values.get(c), table.columns().get(c));
            }
            w.write(row.append("</row>").toString());
            r++;
        }
        w.write("</sheetData>");
        w.write("<autoFilter ref=\"A1:" + lastCell + "\"/>");
        w.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
        w.write("</worksheet>");
    }

    private static void cell(StringBuilder out, String ref, @Nullable Object value, ExportTable.Column column) {
        switch (value) {
            case null -> {}
            case BigDecimal d -> number(out, ref, d.toPlainString(), column.kind() == ExportTable.Kind.MONEY
                    ? STYLE_MONEY + Math.min(MAX_DIGITS, Math.max(0, column.digits()))
                    : STYLE_NUMBER);
            case Integer i -> number(out, ref, i.toString(), STYLE_INTEGER);
            case Long l -> number(out, ref, l.toString(), STYLE_INTEGER);
            case LocalDate d -> number(out, ref, Long.toString(ChronoUnit.DAYS.between(EPOCH, d)), STYLE_DATE);
            default -> inline(out, ref, value.toString(), 0);
        }
    }

    private static void number(StringBuilder out, String ref, String value, int style) {
        out.append("<c r=\"").append(ref).append("\" s=\"").append(style).append("\"><v>").append(value).append("</v></c>");
    }

    private static void inline(StringBuilder out, String ref, String text, int style) {
        out.append("<c r=\"").append(ref).append('"');
        if (style != 0) {
            out.append(" s=\"").append(style).append('"');
        }
        out.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(escape(text)).append("</t></is></c>");
    }

    /** A, B, … Z, AA, AB, … for a 0-based column index. */
    static String column(int index) {
        StringBuilder name = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            name.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return name.toString();
    }

    /** A sheet name as spreadsheets allow it: at most 31 characters, none of {@code [ ] : * ? / \}. */
    static String sheetName(String name) {
        String cleaned = name.replaceAll("[\\[\\]:*?/\\\\']", " ").strip();
        if (cleaned.isEmpty()) {
            cleaned = "Sheet1";
        }
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }

    private static String workbook(ExportTable table) {
        String name = sheetName(table.name());
        String last = column(table.columns().size() - 1) + (table.rows().size() + 1);
        return XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets><sheet name=\"" + escape(name)
                + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets><definedNames><definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'"
                + escape(name) + "'!$A$1:$" + last.replaceAll("[0-9]", "") + "$" + last.replaceAll("[A-Z]", "")
                + "</definedName></definedNames></workbook>";
    }

    private static String styles() {
        StringBuilder s = new StringBuilder(XML + "<styleSheet xmlns=\"" + MAIN + "\">");
        s.append("<numFmts count=\"").append(MAX_DIGITS + 1).append("\">");
        for (int d = 0; d <= MAX_DIGITS; d++) {
            s.append("<numFmt numFmtId=\"").append(164 + d).append("\" formatCode=\"#,##0").append(d == 0 ? "" : "." + "0".repeat(d)).append("\"/>");
        }
        s.append("</numFmts>");
        s.append("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
                + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>");
        s.append("<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>");
        s.append("<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>");
        s.append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>");
        s.append("<cellXfs count=\"").append(STYLE_MONEY + MAX_DIGITS + 1).append("\">");
        s.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        s.append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>");
        s.append("<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        s.append("<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        s.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>");
        for (int d = 0; d <= MAX_DIGITS; d++) {
            s.append("<xf numFmtId=\"").append(164 + d).append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>");
        }
        s.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>");
        return s.toString();
    }

    private static String contentTypes() {
        return XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                + "</Types>";
    }

    private static String rootRels() {
        return XML + "<Relationships xmlns=\"" + PKG_REL + "\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + REL + "/extended-properties\" Target=\"docProps/app.xml\"/>"
                + "</Relationships>";
    }

    private static void entry(ZipOutputStream zip, Writer w, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        w.write(xml.startsWith("<?xml") ? xml : XML + xml);
        w.flush();
        zip.closeEntry();
    }

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    /** XML text; characters XML 1.0 cannot hold (most control characters) are dropped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
