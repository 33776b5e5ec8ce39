package org.opencio.budget.imports;

import java.util.List;

/** Writing CSV: RFC 4180 quoting, and cells that a spreadsheet would run as a formula made plain text. */
final class Csv {

    private Csv() {}

    /** A record as one line of CSV (for a report), cut to {@code max} characters. */
    static String line(List<String> values, char delimiter, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size() && out.length() <= max; i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            out.append(quoted(values.get(i), delimiter));
        }
        return out.length() <= max ? out.toString() : out.substring(0, max - 1) + "…";
    }

    /**
     * A cell for a CSV file people open in a spreadsheet: text starting with = + - @ (or a tab or carriage return) gets a
     * leading apostrophe, so that it shows as text and is never evaluated; then it is quoted as needed.
     */
    static String safeCell(String value, char delimiter) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return quoted(text, delimiter);
    }

    static String quoted(String value, char delimiter) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == delimiter || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
