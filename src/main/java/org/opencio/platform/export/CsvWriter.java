package org.opencio.platform.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a table as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled). Numbers are plain ({@code 1234.50}: a dot, no grouping) so any program reads them.
 *
 * <p>Text that a spreadsheet would run as a formula — starting with {@code = + - @}, a tab or a carriage return — is
 * prefixed with a single quote, so an exported description like {@code =HYPERLINK(…)} stays text (formula injection).
 */
public final class CsvWriter {

    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";

    private CsvWriter() {}

    public static void write(ExportTable table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(table, writer);
        writer.flush();
    }

    public static void write(ExportTable table, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(256);
        for (int c = 0; c < table.columns().size(); c++) {
            if (c > 0) {
                line.append(',');
            }
            line.append(text(table.columns().get(c).header()));
        }
        out.write(line.append("\r\n").toString());
        for (List<@Nullable Object> row : table.rows()) {
            line.setLength(0);
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                line.append(cell(row.get(c)));
            }
            out.write(line.append("\r\n").toString());
        }
    }

    static String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case LocalDate d -> d.toString();
            default -> text(value.toString());
        };
    }

    /** A text field, defused and quoted as needed. */
    static String text(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
