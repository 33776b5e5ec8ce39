package org.opencio.vendor;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small CSV file read whole (RFC 4180): comma or semicolon separated (whichever the header uses), quoted values with
 * doubled quotes and line breaks, CRLF, LF or CR line ends, an optional UTF-8 byte-order mark; blank lines are skipped.
 * What the file is comes from its bytes, not from the name or type its sender declared: a workbook, a PDF, UTF-16 or
 * any binary content is refused with a reason a person can act on.
 */
final class CsvTable {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 10_000;

    /** The file cannot be read as CSV; nothing of it is used. */
    static final class Unreadable extends Exception {
        private final int row;

        Unreadable(int row, String message) {
            super(message, null, false, false);
            this.row = row;
        }

        /** The row (line, counting the header as 1) where reading failed, or 0 for the file as a whole. */
        int row() {
            return row;
        }
    }

    /** One record: the line it starts on (the header is line 1, as a spreadsheet shows it) and its values. */
    record Row(int line, List<String> values) {

        String get(int index) {
            return index < values.size() ? values.get(index) : "";
        }
    }

    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(List<String> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    List<String> header() {
        return header;
    }

    List<Row> rows() {
        return rows;
    }

    /** The index of a column by name (case and surrounding blanks do not matter), or -1. */
    int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    static CsvTable read(byte[] bytes) throws Unreadable {
        if (bytes.length == 0) {
            throw new Unreadable(0, "The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new Unreadable(0, "The file is larger than " + MAX_BYTES / (1024 * 1024) + " MB; split it into smaller files.");
        }
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new Unreadable(0, "The file is " + kind + ", not CSV text. Save it as \"CSV UTF-8\" and upload that.");
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable(0, "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and upload that.");
        }
        return parse(text);
    }

    /** What a binary file is, when its first bytes tell; null for text. */
    static String binaryKind(byte[] b) {
        if (starts(b, 0x50, 0x4B, 0x03, 0x04)) {
            return "a spreadsheet workbook or another ZIP archive";
        }
        if (starts(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "an Excel 97-2003 workbook";
        }
        if (starts(b, 0x25, 0x50, 0x44, 0x46)) {
            return "a PDF document";
        }
        if (starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF)) {
            return "UTF-16 text";
        }
        for (int i = 0; i < Math.min(b.length, 64 * 1024); i++) {
            if (b[i] == 0) {
                return "binary data";
            }
        }
        return null;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static CsvTable parse(String text) throws Unreadable {
        char delimiter = delimiter(text);
        List<Row> records = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        boolean empty = true;
        int i = 0;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted) {
                if (end) {
                    throw new Unreadable(recordLine, "Row " + recordLine + ": a quoted value is never closed.");
                }
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        value.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    wasQuoted = true;
                } else {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    value.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && value.isEmpty() && !wasQuoted) {
                quoted = true;
                empty = false;
                i++;
                continue;
            }
            if (c == delimiter) {
                values.add(value.toString());
                value.setLength(0);
                wasQuoted = false;
                empty = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!empty || !value.isEmpty()) {
                    values.add(value.toString());
                    if (records.size() > MAX_ROWS) {
                        throw new Unreadable(recordLine, "The file has more than " + MAX_ROWS + " rows; split it into smaller files.");
                    }
                    records.add(new Row(recordLine, List.copyOf(values)));
                }
                values.clear();
                value.setLength(0);
                wasQuoted = false;
                empty = true;
                line++;
                recordLine = line;
                i++;
                continue;
            }
            if (wasQuoted) {
                throw new Unreadable(recordLine, "Row " + recordLine + ": there is text after the closing quote of a value.");
            }
            value.append(c);
            empty = false;
            i++;
        }
        if (records.isEmpty()) {
            throw new Unreadable(0, "The file has no header row.");
        }
        List<String> header = records.getFirst().values().stream().map(String::strip).toList();
        return new CsvTable(header, List.copyOf(records.subList(1, records.size())));
    }

    /** Semicolons when the header line has more of them than commas (spreadsheets in many European locales), else commas. */
    private static char delimiter(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
