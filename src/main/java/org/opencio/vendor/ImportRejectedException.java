package org.opencio.vendor;

import java.util.List;

/**
 * A CSV import refused as a whole: every row was checked first, and since at least one is wrong nothing was written.
 * Answered 400 with every problem found, by row (the header is row 1, as a spreadsheet numbers them) and column.
 */
public class ImportRejectedException extends RuntimeException {

    /** One problem: its row (0 for the file as a whole), its column (null when it is not one column's) and what is wrong. */
    public record RowError(int row, @org.jspecify.annotations.Nullable String column, String detail) {}

    private final List<RowError> errors;

    public ImportRejectedException(List<RowError> errors) {
        super(errors.size() + " problem(s) in the file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
