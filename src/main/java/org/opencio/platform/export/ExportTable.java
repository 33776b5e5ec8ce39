package org.opencio.platform.export;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table to hand to a spreadsheet or a script, independent of the format it is written in ({@link CsvWriter},
 * {@link XlsxWriter}). Cells hold {@code String}, {@code BigDecimal}, {@code Integer}/{@code Long}, {@code LocalDate}
 * or null, matching their column's kind.
 */
public record ExportTable(String name, List<Column> columns, List<List<@Nullable Object>> rows) {

    public enum Kind {
        TEXT,
        /** An amount of money with {@link Column#digits()} decimals, written as a number, never as text. */
        MONEY,
        NUMBER,
        INTEGER,
        DATE
    }

    /** {@code width} in characters, a hint for spreadsheets; {@code digits} the decimals of a MONEY column. */
    public record Column(String header, Kind kind, int width, int digits) {

        public static Column text(String header, int width) {
            return new Column(header, Kind.TEXT, width, 0);
        }

        public static Column money(String header, int digits) {
            return new Column(header, Kind.MONEY, 14, digits);
        }

        public static Column integer(String header) {
            return new Column(header, Kind.INTEGER, 8, 0);
        }

        public static Column date(String header) {
            return new Column(header, Kind.DATE, 12, 0);
        }
    }

    public ExportTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (List<@Nullable Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }
}
