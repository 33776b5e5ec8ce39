package org.opencio.budget.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: one record at a time, so memory does not grow with the file. Accepts a byte-order mark,
 * CRLF, LF or CR line ends, quoted values with doubled quotes and line breaks, and blank lines (skipped). A record whose
 * quoting is wrong but whose end is still clear (a stray quote inside a value, text after a closing quote) comes back
 * with a {@link Record#problem() problem} so that the caller rejects that line only; a file whose structure is broken
 * beyond that (a quote never closed, binary content, a record longer than the limit) raises {@link Broken}.
 *
 * <p>Values are kept as characters and become strings only when asked for: a cost file has dozens of columns, of
 * which an import reads a third.
 */
final class CsvReader implements Closeable {

    /** The file cannot be read as CSV from this point on. */
    static final class Broken extends Exception {
        private final long line;

        Broken(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        long line() {
            return line;
        }
    }

    /** One record: its values, the line it starts on, and what is wrong with its quoting, if anything. */
    static final class Record {
        private char[] chars = new char[4096];
        private int length;
        private int[] ends = new int[64];
        private int size;
        private long line;
        private @Nullable String problem;

        int size() {
            return size;
        }

        String get(int index) {
            if (index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            int start = index == 0 ? 0 : ends[index - 1];
            return new String(chars, start, ends[index] - start);
        }

        List<String> values() {
            List<String> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(get(i));
            }
            return values;
        }

        long line() {
            return line;
        }

        @Nullable
        String problem() {
            return problem;
        }

        private void endValue() {
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = length;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final int maxRecordChars;
    private final char[] buffer = new char[1 << 16];
    private final Record record = new Record();
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    CsvReader(Reader in, char delimiter, int maxRecordChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record, or null at the end of the file. The returned object is reused by the next call. */
    @Nullable
    Record next() throws IOException, Broken {
        if (!started) {
            started = true;
            if (fill() && buffer[position] == '\uFEFF') {
                position++;
            }
        }
        // Blank lines separate nothing; they are skipped.
        while (true) {
            if (position == limit && !fill()) {
                return null;
            }
            char c = buffer[position];
            if (c != '\r' && c != '\n') {
                break;
            }
            position++;
            endLine(c);
        }
        record.length = 0;
        record.size = 0;
        record.problem = null;
        record.line = line;
        while (true) {
            int end = buffer[position] == '"' ? quoted() : unquoted();
            record.endValue();
            if (end == delimiter) {
                if (position == limit && !fill()) {
                    record.endValue();
                    return record;
                }
                continue;
            }
            if (end == '\r' || end == '\n') {
                endLine((char) end);
            }
            return record;
        }
    }

    /** The line the reader has reached (the next record starts on it or later). */
    long line() {
        return line;
    }

    /** An unquoted value from the current position; answers the character that ended it (consumed), or EOF. */
    private int unquoted() throws IOException, Broken {
        while (true) {
            if (position == limit && !fill()) {
                return EOF;
            }
            char[] b = buffer;
            int start = position;
            int p = position;
            int end = limit;
            char c = 0;
            while (p < end) {
                c = b[p];
                if (c == delimiter || c == '\n' || c == '\r' || c == '"' || c == 0) {
                    break;
                }
                p++;
            }
            append(b, start, p);
            position = p;
            if (p == end) {
                continue;
            }
            position++;
            if (c == '"') {
                if (record.problem == null) {
                    record.problem = "a quote inside an unquoted value in column " + (record.size + 1)
                            + " (quote the whole value and double the quote)";
                }
                append(b, p, p + 1);
                continue;
            }
            if (c == 0) {
                throw binary();
            }
            return c;
        }
    }

    /** A quoted value starting at the opening quote; answers the character after it (consumed), or EOF. */
    private int quoted() throws IOException, Broken {
        long opened = line;
        position++;
        while (true) {
            if (position == limit && !fill()) {
                throw new Broken(opened, "a quoted value that starts on line " + opened + " is never closed");
            }
            char[] b = buffer;
            int start = position;
            int p = position;
            int end = limit;
            char c = 0;
            while (p < end) {
                c = b[p];
                if (c == '"' || c == '\n' || c == '\r' || c == 0) {
                    break;
                }
                p++;
            }
            append(b, start, p);
            position = p;
            if (p == end) {
                continue;
            }
            position++;
            if (c == 0) {
                throw binary();
            }
            if (c == '\n') {
                line++;
                append(b, p, p + 1);
                continue;
            }
            if (c == '\r') {
                if (peek() != '\n') {
                    line++;
                }
                append(b, p, p + 1);
                continue;
            }
            // A quote: doubled, it is a quote in the value; alone, it closes the value.
            int next = peek();
            if (next == '"') {
                append(buffer, position, position + 1);
                position++;
                continue;
            }
            return afterClosingQuote();
        }
    }

    /** What follows a closing quote should end the value; anything else is kept, and the record marked. */
    private int afterClosingQuote() throws IOException, Broken {
        while (true) {
            if (position == limit && !fill()) {
                return EOF;
            }
            char c = buffer[position++];
            if (c == delimiter || c == '\n' || c == '\r') {
                return c;
            }
            if (c == 0) {
                throw binary();
            }
            if (record.problem == null) {
                record.problem = "text after the closing quote in column " + (record.size + 1);
            }
            append(buffer, position - 1, position);
        }
    }

    /** Finishes a line end whose first character was just consumed (CR, LF, or the CR of CRLF). */
    private void endLine(char c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private void append(char[] source, int from, int to) throws Broken {
        int n = to - from;
        if (n == 0) {
            return;
        }
        if (record.length + n > maxRecordChars) {
            throw new Broken(record.line, "the record that starts on line " + record.line + " is longer than "
                    + maxRecordChars + " characters; a quote is probably never closed");
        }
        if (record.length + n > record.chars.length) {
            record.chars = Arrays.copyOf(record.chars, Math.max(record.chars.length * 2, record.length + n));
        }
        System.arraycopy(source, from, record.chars, record.length, n);
        record.length += n;
    }

    private Broken binary() {
        return new Broken(line, "line " + line + " holds binary content (a NUL character); this is not a CSV text file");
    }

    /** The next character without consuming it, or EOF. */
    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    /** Reads more of the file into the empty buffer; false at the end. */
    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
