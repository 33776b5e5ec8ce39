package org.opencio.budget.web;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.opencio.platform.web.Amounts;
import org.opencio.shared.InvalidInputException;

/**
 * Twelve monthly amounts pasted from a spreadsheet: a row (cells separated by tabs, as spreadsheets copy them, or by
 * semicolons or commas, as CSV files have them) or a column (one amount per line), in the organization's number format.
 */
final class MonthPaste {

    private MonthPaste() {}

    static List<BigDecimal> parse(String text, String field, Locale locale) {
        // Spaces and line ends around the paste carry nothing; tabs do (a leading tab is an empty first month).
        String trimmed = text.replaceAll("^[\\r\\n ]+|[\\r\\n ]+$", "");
        if (trimmed.isBlank()) {
            throw InvalidInputException.of(field, "required", "paste the twelve monthly amounts");
        }
        char decimal = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        String separator;
        if (trimmed.indexOf('\t') >= 0) {
            separator = "\\t|\\r?\\n";
        } else if (trimmed.indexOf('\n') >= 0) {
            separator = "\\r?\\n";
        } else if (trimmed.indexOf(';') >= 0) {
            separator = ";";
        } else if (trimmed.indexOf(',') >= 0 && decimal != ',' && !looksGrouped(trimmed)) {
            separator = ",";
        } else {
            separator = "\\s+";
        }
        List<String> cells = new ArrayList<>(Arrays.asList(trimmed.split(separator, -1)));
        cells.replaceAll(String::strip);
        // Separators after the twelfth amount (a row copied with empty cells at its end) add nothing.
        while (cells.size() > 12 && cells.getLast().isEmpty()) {
            cells.removeLast();
        }
        if (cells.size() != 12) {
            throw InvalidInputException.of(field, "count", "found " + cells.size() + " amounts; paste exactly 12, one per month");
        }
        List<BigDecimal> months = new ArrayList<>(12);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            try {
                BigDecimal value = cell.isEmpty() ? BigDecimal.ZERO : Amounts.parse(cell, locale);
                months.add(value);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of(field, "number", "amount " + (i + 1) + " (\"" + cell + "\") is not a number");
            }
        }
        return months;
    }

    /**
     * Whether commas in an English-style row are thousands separators ("1,200 1,300 …") rather than cell separators:
     * then the cells are separated by spaces.
     */
    private static boolean looksGrouped(String text) {
        return text.matches(".*\\d\\s+\\d.*") && text.matches("(?s)[\\d\\s,.]*") && text.matches(".*\\d,\\d{3}(?!\\d).*");
    }
}
