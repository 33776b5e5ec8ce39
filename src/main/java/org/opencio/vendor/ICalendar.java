package org.opencio.vendor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545): CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
 * character (continuation lines start with a space), TEXT values escaped ({@code \\ \; \, \n}).
 */
final class ICalendar {

    static final String CONTENT_TYPE = "text/calendar; charset=utf-8";

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(4096);

    /** A property whose value is written as given (dates, durations, fixed words). */
    ICalendar raw(String nameAndParameters, String value) {
        return line(nameAndParameters + ":" + value);
    }

    /** A TEXT property: the value is escaped. */
    ICalendar text(String name, String value) {
        return line(name + ":" + escape(value));
    }

    ICalendar date(String name, LocalDate date) {
        return line(name + ";VALUE=DATE:" + DATE.format(date));
    }

    ICalendar utc(String name, Instant instant) {
        return line(name + ":" + UTC.format(instant));
    }

    ICalendar begin(String component) {
        return line("BEGIN:" + component);
    }

    ICalendar end(String component) {
        return line("END:" + component);
    }

    String build() {
        return out.toString();
    }

    private ICalendar line(String contentLine) {
        out.append(fold(contentLine)).append("\r\n");
        return this;
    }

    /** TEXT escaping: backslash, semicolon, comma and line breaks; other control characters are dropped. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\n' -> sb.append("\\n");
                default -> {
                    if ((c >= 0x20 && c != 0x7f) || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Splits a content line into lines of at most 75 octets of UTF-8; each continuation starts with one space, which
     * counts towards its 75. Characters are never cut, so a continuation may end a few octets short.
     */
    static String fold(String line) {
        StringBuilder sb = new StringBuilder(line.length() + 16);
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int length = Character.charCount(codePoint);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                sb.append("\r\n ");
                octets = 1;
                limit = MAX_OCTETS;
            }
            sb.append(line, i, i + length);
            octets += size;
            i += length;
        }
        return sb.toString();
    }
}
