package org.opencio.budget.imports;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.InvalidInputException;

/**
 * Which columns of a general-ledger export hold what, and how its numbers and dates are written: chosen on the upload
 * screen and remembered per organization. Columns are named as in the file's header. Without a line-code column, rows
 * go to lines by the organization's mapping rules (by account), and to the unallocated line when none matches.
 */
public record GlMapping(
        @Nullable String dateColumn,
        @Nullable String amountColumn,
        @Nullable String lineCodeColumn,
        @Nullable String accountColumn,
        @Nullable String descriptionColumn,
        @Nullable String referenceColumn,
        @Nullable String currencyColumn,
        @Nullable Delimiter delimiter,
        @Nullable DecimalSeparator decimalSeparator,
        @Nullable DateOrder dateOrder) {

    public enum Delimiter {
        COMMA(','),
        SEMICOLON(';'),
        TAB('\t');

        private final char character;

        Delimiter(char character) {
            this.character = character;
        }

        char character() {
            return character;
        }
    }

    public enum DecimalSeparator {
        POINT,
        COMMA
    }

    public static GlMapping empty() {
        return new GlMapping(null, null, null, null, null, null, null, Delimiter.COMMA, DecimalSeparator.POINT, DateOrder.ISO);
    }

    /** The mapping with blank names cleared and defaults filled in; refused when date or amount is missing. */
    GlMapping validated() {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        String date = clean(dateColumn);
        String amount = clean(amountColumn);
        if (date == null) {
            errors.add(new InvalidInputException.FieldError("dateColumn", "required", "dateColumn is required for a GL import"));
        }
        if (amount == null) {
            errors.add(new InvalidInputException.FieldError("amountColumn", "required", "amountColumn is required for a GL import"));
        }
        for (String name : new String[] {date, amount, clean(lineCodeColumn), clean(accountColumn), clean(descriptionColumn),
            clean(referenceColumn), clean(currencyColumn)}) {
            if (name != null && name.length() > 100) {
                errors.add(new InvalidInputException.FieldError("mapping", "too-long", "column names must be at most 100 characters"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new GlMapping(date, amount, clean(lineCodeColumn), clean(accountColumn), clean(descriptionColumn),
                clean(referenceColumn), clean(currencyColumn), delimiter == null ? Delimiter.COMMA : delimiter,
                decimalSeparator == null ? DecimalSeparator.POINT : decimalSeparator, dateOrder == null ? DateOrder.ISO : dateOrder);
    }

    boolean isEmpty() {
        return clean(dateColumn) == null && clean(amountColumn) == null && clean(lineCodeColumn) == null
                && clean(accountColumn) == null && clean(descriptionColumn) == null && clean(referenceColumn) == null
                && clean(currencyColumn) == null;
    }

    private static @Nullable String clean(@Nullable String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }
}
