package org.opencio.budget.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: one record at a time, so memory does not grow with the file. Accepts a byte-order mark,
 * CRLF, LF or CR line ends, quoted values with doubled quotes and line breaks, and blank lines (skipped). A record whose
 * quoting is wrong but whose end is still clear (a stray quote inside a value, text after a closing quote) comes back
 * with a {@link Record#problem() problem} so that the caller rejects that line only; a file whose structure is broken
 * beyond that (a quote never closed, binary content, a record longer than the limit) raises {@link Broken}.
 */
final class CsvReader implements Closeable {

    /** The file cannot be read as CSV from this point on. */
    static final class Broken extends Exception {
        private final long line;

        Broken(long line, String message) {
            super(message);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** One record: its values, the line it starts on, and what is wrong with its quoting, if anything. */
    static final class Record {
        private final List<String> values = new ArrayList<>();
        private long line;
        private @Nullable String problem;

        List<String> values() {
            return values;
        }

        int size() {
            return values.size();
        }

        String get(int index) {
            return values.get(index);
        }

        long line() {
            return line;
        }

        @Nullable
        String problem() {
            return problem;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final int maxRecordChars;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder value = new StringBuilder(128);
    private final Record record = new Record();
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;
    private int recordChars;

    CsvReader(Reader in, char delimiter, int maxRecordChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the file. The returned object is reused by the next call. */
    @Nullable
    Record next() throws IOException, Broken {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        // Blank lines separate nothing; they are skipped.
        while (c == '\r' || c == '\n') {
            endLine(c);
            c = read();
        }
        if (c == EOF) {
            return null;
        }
        record.values.clear();
        record.problem = null;
        record.line = line;
        recordChars = 0;
        while (true) {
            value.setLength(0);
            if (c == '"') {
                c = quoted();
            } else {
                c = unquoted(c);
            }
            record.values.add(value.toString());
            if (c == delimiter) {
                c = read();
                continue;
            }
            if (c == '\r' || c == '\n') {
                endLine(c);
            }
            return record;
        }
    }

    /** The line the reader has reached (the next record starts on it or later). */
    long line() {
        return line;
    }

    private int unquoted(int first) throws IOException, Broken {
        int c = first;
        while (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
            if (c == '"' && record.problem == null) {
                record.problem = "a quote inside an unquoted value in column " + (record.values.size() + 1)
                        + " (quote the whole value and double the quote)";
            }
            append(c);
            c = read();
        }
        return c;
    }

    /** A quoted value; answers the character after it (a delimiter, a line end or the end of the file). */
    private int quoted() throws IOException, Broken {
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new Broken(opened, "a quoted value that starts on line " + opened + " is never closed");
            }
            if (c == '"') {
                int next = read();
                if (next == '"') {
                    append('"');
                    continue;
                }
                c = next;
                if (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                    if (record.problem == null) {
                        record.problem = "text after the closing quote in column " + (record.values.size() + 1);
                    }
                    while (c != delimiter && c != '\r' && c != '\n' && c != EOF) {
                        append(c);
                        c = read();
                    }
                }
                return c;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append(c);
        }
    }

    /** Finishes a line end (CR, LF or CRLF) whose first character was just read. */
    private void endLine(int c) throws IOException, Broken {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private void append(int c) throws Broken {
        if (++recordChars > maxRecordChars) {
            throw new Broken(record.line, "the record that starts on line " + record.line + " is longer than "
                    + maxRecordChars + " characters; a quote is probably never closed");
        }
        value.append((char) c);
    }

    private int read() throws IOException, Broken {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        char c = buffer[position++];
        if (c == 0) {
            throw new Broken(line, "line " + line + " holds binary content (a NUL character); this is not a CSV text file");
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position];
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
