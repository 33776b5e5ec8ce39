package org.opencio.platform.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads an amount typed or pasted by a person in their organization's number format: "1.234,50" in German, "1,234.50"
 * in English, with or without grouping, currency signs or spaces. A lone separator that cannot be grouping (not
 * followed by three digits) is taken as the decimal point, so "83.34" reads the same in every locale.
 */
public final class Amounts {

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Amounts() {}

    /** The amount, or null for blank text; {@link IllegalArgumentException} for text that is not a number. */
    public static @Nullable BigDecimal parse(@Nullable String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return null;
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1);
        }
        StringBuilder kept = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c) || c == '.' || c == ',') {
                kept.append(c);
            } else if (c == '-' || c == '\u2212') {
                negative = !negative;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\'' || c == '\u2019'
                    || Character.isLetter(c) || Character.getType(c) == Character.CURRENCY_SYMBOL) {
                // grouping spaces and apostrophes, currency signs and codes carry no value
            } else {
                throw new IllegalArgumentException("not a number: " + text);
            }
        }
        String digits = kept.toString();
        // Locales that group with a space or an apostrophe use '.' or ',' only as the decimal point.
        boolean groupingIsPunct = grouping == '.' || grouping == ',';
        String normalized;
        int lastDecimal = digits.lastIndexOf(decimal);
        if (lastDecimal >= 0 && digits.indexOf(decimal) == lastDecimal) {
            String whole = digits.substring(0, lastDecimal);
            String fraction = digits.substring(lastDecimal + 1);
            if (groupingIsPunct) {
                whole = ungroup(whole, grouping, text);
            }
            normalized = whole + "." + fraction;
        } else if (lastDecimal >= 0) {
            throw new IllegalArgumentException("not a number: " + text);
        } else {
            char other = decimal == '.' ? ',' : '.';
            int count = (int) digits.chars().filter(c -> c == other).count();
            if (count == 0) {
                normalized = digits;
            } else if (groupingIsPunct && other == grouping && groupedCorrectly(digits, other)) {
                normalized = digits.replace(String.valueOf(other), "");
            } else if (count == 1) {
                normalized = digits.replace(other, '.');
            } else {
                throw new IllegalArgumentException("not a number: " + text);
            }
        }
        if (!PLAIN.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not a number: " + text);
        }
        BigDecimal value = new BigDecimal(normalized);
        return negative ? value.negate() : value;
    }

    private static String ungroup(String whole, char grouping, String original) {
        if (whole.indexOf(grouping) < 0) {
            return whole;
        }
        if (!groupedCorrectly(whole, grouping)) {
            throw new IllegalArgumentException("not a number: " + original);
        }
        return whole.replace(String.valueOf(grouping), "");
    }

    /** "1.234.567" yes, "12.34" no: every group after the first has exactly three digits. */
    private static boolean groupedCorrectly(String digits, char separator) {
        String[] groups = digits.split(Pattern.quote(String.valueOf(separator)), -1);
        if (groups[0].isEmpty() || groups[0].length() > 3) {
            return false;
        }
        for (int i = 1; i < groups.length; i++) {
            if (groups[i].length() != 3) {
                return false;
            }
        }
        return true;
    }
}
