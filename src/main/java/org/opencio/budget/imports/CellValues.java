package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Reading the values of cost files: empty and {@code NULL} cells, decimals (plain, or formatted as currency the way
 * spreadsheets and the FOCUS samples write them), and dates. Anything that could be read two ways is refused with a
 * reason rather than guessed.
 */
final class CellValues {

    /** A value that cannot be read; the message says why, for the import report. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    /** A point in time as the file writes it: its own calendar date, and the instant (for identity). */
    record Stamp(LocalDate date, long epochSecond) {}

    /** Most digits a money value may have before the decimal point (as numeric(19,4) holds). */
    private static final int MAX_INTEGER_DIGITS = 15;

    private CellValues() {}

    /** The trimmed value, or null for an empty cell or the token NULL. */
    static @Nullable String text(@Nullable String cell) {
        if (cell == null) {
            return null;
        }
        String value = cell.strip();
        if (value.isEmpty() || value.equalsIgnoreCase("NULL")) {
            return null;
        }
        return value;
    }

    /**
     * A decimal number. Plain ({@code -12.5}, {@code 1E-7}) or currency-formatted ({@code "$10,000.00 "},
     * {@code (1,234.50)} for a negative). A decimal comma is refused unless {@code decimalComma}, in which case points
     * group thousands.
     */
    static BigDecimal decimal(String value, String column, boolean decimalComma) throws Bad {
        if (!decimalComma && plain(value)) {
            try {
                return checked(new BigDecimal(value), value, column);
            } catch (NumberFormatException e) {
                throw notANumber(value, column);
            }
        }
        String s = value.strip();
        boolean negative = false;
        if (s.length() > 1 && s.charAt(0) == '(' && s.charAt(s.length() - 1) == ')') {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        // Sign and currency symbol in either order before the digits, a symbol or code after them.
        int start = 0;
        int end = s.length();
        boolean signSeen = false;
        boolean symbolSeen = false;
        while (start < end) {
            char c = s.charAt(start);
            if ((c == '-' || c == '+') && !signSeen) {
                signSeen = true;
                negative ^= c == '-';
                start++;
            } else if (isCurrencySymbol(c) && !symbolSeen) {
                symbolSeen = true;
                start++;
            } else if (Character.isWhitespace(c)) {
                start++;
            } else {
                break;
            }
        }
        while (end > start) {
            char c = s.charAt(end - 1);
            if ((isCurrencySymbol(c) && !symbolSeen) || Character.isWhitespace(c)) {
                symbolSeen |= isCurrencySymbol(c);
                end--;
            } else {
                break;
            }
        }
        String digits = s.substring(start, end);
        char group = decimalComma ? '.' : ',';
        char point = decimalComma ? ',' : '.';
        if (!grouped(digits, group, point)) {
            if (!decimalComma && grouped(digits, '.', ',')) {
                throw new Bad(column + " '" + value + "' uses a decimal comma; write numbers with a decimal point");
            }
            throw notANumber(value, column);
        }
        String normal = digits.replace(String.valueOf(group), "").replace(point, '.');
        try {
            BigDecimal number = new BigDecimal(normal);
            return checked(negative ? number.negate() : number, value, column);
        } catch (NumberFormatException e) {
            throw notANumber(value, column);
        }
    }

    private static BigDecimal checked(BigDecimal number, String value, String column) throws Bad {
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            throw new Bad(column + " '" + value + "' is too large");
        }
        return number;
    }

    private static Bad notANumber(String value, String column) {
        return new Bad(column + " '" + shorten(value) + "' is not a decimal number");
    }

    /** Only what BigDecimal reads the same way everywhere: digits, one point, a sign, an exponent. */
    private static boolean plain(String value) {
        int n = value.length();
        if (n == 0 || n > 60) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /** 1234.5, 1,234.5, .5 — digits grouped by threes only if grouped at all, at most one decimal point. */
    private static boolean grouped(String s, char group, char point) {
        if (s.isEmpty()) {
            return false;
        }
        int pointAt = s.indexOf(point);
        if (pointAt >= 0 && (s.indexOf(point, pointAt + 1) >= 0 || s.indexOf(group, pointAt) >= 0)) {
            return false;
        }
        String whole = pointAt >= 0 ? s.substring(0, pointAt) : s;
        String fraction = pointAt >= 0 ? s.substring(pointAt + 1) : "";
        if (!digitsOnly(fraction) || (whole.isEmpty() && fraction.isEmpty())) {
            return false;
        }
        if (pointAt >= 0 && fraction.isEmpty()) {
            return false;
        }
        if (whole.indexOf(group) < 0) {
            return digitsOnly(whole);
        }
        String[] parts = whole.split(java.util.regex.Pattern.quote(String.valueOf(group)), -1);
        if (parts[0].isEmpty() || parts[0].length() > 3 || !digitsOnly(parts[0])) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].length() != 3 || !digitsOnly(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCurrencySymbol(char c) {
        return c == '$' || c == '€' || c == '£' || c == '¥' || c == '₹' || c == '₩';
    }

    /**
     * A date, or a date and time: RFC 3339 / ISO 8601 ({@code 2026-08-02T19:00:00Z}, with an offset or none, which means
     * UTC as FOCUS prescribes; a space instead of the T; a date alone), or with slashes or dots in the given order.
     */
    static Stamp stamp(String value, String column, DateOrder order) throws Bad {
        String s = value.strip();
        try {
            if (s.length() >= 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
                return iso(s, column, value);
            }
            if (s.indexOf('/') > 0 || (order != DateOrder.ISO && (s.indexOf('.') > 0 || s.indexOf('-') > 0))) {
                return ordered(s, column, value, order == DateOrder.DMY ? DateOrder.DMY : DateOrder.MDY);
            }
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            throw badDate(value, column, order);
        }
        throw badDate(value, column, order);
    }

    private static Bad badDate(String value, String column, DateOrder order) {
        String examples = switch (order) {
            case ISO -> "2026-08-02T00:00:00Z, 2026-08-02 or 8/2/26";
            case MDY -> "8/2/2026 or 2026-08-02";
            case DMY -> "2.8.2026, 2/8/2026 or 2026-08-02";
        };
        return new Bad(column + " '" + shorten(value) + "' is not a date in a form this import reads (" + examples + ")");
    }

    private static Stamp iso(String s, String column, String value) throws Bad {
        int year = number(s, 0, 4);
        int month = number(s, 5, 7);
        int day = number(s, 8, 10);
        LocalDate date = LocalDate.of(year, month, day);
        if (s.length() == 10) {
            return new Stamp(date, date.atStartOfDay().toEpochSecond(ZoneOffset.UTC));
        }
        char t = s.charAt(10);
        if (t != 'T' && t != 't' && t != ' ') {
            throw badDate(value, column, DateOrder.ISO);
        }
        int hour = number(s, 11, 13);
        if (s.charAt(13) != ':') {
            throw badDate(value, column, DateOrder.ISO);
        }
        int minute = number(s, 14, 16);
        int i = 16;
        int second = 0;
        if (i < s.length() && s.charAt(i) == ':') {
            second = number(s, 17, 19);
            i = 19;
            if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                i++;
                int digits = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == digits) {
                    throw badDate(value, column, DateOrder.ISO);
                }
            }
        }
        ZoneOffset offset = offset(s.substring(i).strip(), column, value);
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second);
        return new Stamp(date, local.toEpochSecond(offset));
    }

    private static ZoneOffset offset(String zone, String column, String value) throws Bad {
        if (zone.isEmpty() || zone.equals("Z") || zone.equals("z") || zone.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        char sign = zone.charAt(0);
        if (sign != '+' && sign != '-') {
            throw badDate(value, column, DateOrder.ISO);
        }
        String digits = zone.substring(1).replace(":", "");
        if (!digitsOnly(digits) || (digits.length() != 2 && digits.length() != 4)) {
            throw badDate(value, column, DateOrder.ISO);
        }
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() == 4 ? Integer.parseInt(digits.substring(2)) : 0;
        return ZoneOffset.ofHoursMinutes(sign == '-' ? -hours : hours, sign == '-' ? -minutes : minutes);
    }

    /** 8/2/26, 8/2/2026 14:00, 02.08.2026 — with the order the file (or the person importing it) says. */
    private static Stamp ordered(String s, String column, String value, DateOrder order) throws Bad {
        String datePart = s;
        String timePart = "";
        int space = s.indexOf(' ');
        if (space > 0) {
            datePart = s.substring(0, space);
            timePart = s.substring(space + 1).strip();
        }
        char separator = datePart.indexOf('/') > 0 ? '/' : datePart.indexOf('.') > 0 ? '.' : '-';
        String[] parts = datePart.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        if (parts.length != 3) {
            throw badDate(value, column, order);
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 4 || !digitsOnly(part)) {
                throw badDate(value, column, order);
            }
        }
        int first = Integer.parseInt(parts[0]);
        int second = Integer.parseInt(parts[1]);
        int month = order == DateOrder.MDY ? first : second;
        int day = order == DateOrder.MDY ? second : first;
        if (parts[0].length() > 2 || parts[1].length() > 2 || (parts[2].length() != 2 && parts[2].length() != 4)) {
            throw badDate(value, column, order);
        }
        if (month > 12) {
            throw new Bad(column + " '" + shorten(value) + "' has no month " + month + " (dates are read "
                    + (order == DateOrder.MDY ? "month/day/year" : "day/month/year") + ")");
        }
        int year = Integer.parseInt(parts[2]);
        if (parts[2].length() == 2) {
            year += 2000;
        }
        LocalDate date = LocalDate.of(year, month, day);
        int hour = 0;
        int minute = 0;
        int sec = 0;
        if (!timePart.isEmpty()) {
            String[] hms = timePart.split(":", -1);
            if (hms.length < 2 || hms.length > 3) {
                throw badDate(value, column, order);
            }
            for (String part : hms) {
                if (part.isEmpty() || part.length() > 2 || !digitsOnly(part)) {
                    throw badDate(value, column, order);
                }
            }
            hour = Integer.parseInt(hms[0]);
            minute = Integer.parseInt(hms[1]);
            sec = hms.length == 3 ? Integer.parseInt(hms[2]) : 0;
        }
        return new Stamp(date, LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, sec)).toEpochSecond(ZoneOffset.UTC));
    }

    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException();
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** A value cut to a readable length for a report. */
    static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "…";
    }
}
