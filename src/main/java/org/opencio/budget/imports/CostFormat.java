package org.opencio.budget.imports;

import java.util.List;

/** How the rows of one kind of cost file are read: its header first, then each record. */
sealed interface CostFormat permits FocusFormat, GlFormat {

    char delimiter();

    /** The column whose date decides the fiscal month, as the report names it. */
    String dateColumn();

    /** Checks the header (names in file order) and remembers where each column is. */
    void header(List<String> names) throws ImportFailure;

    /** The row a record holds, or {@link CellValues.Bad} naming everything wrong with it. */
    CostRow row(CsvReader.Record record) throws CellValues.Bad;

    /** Column names found in a header, trimmed, compared without case; a duplicate is an error. */
    static java.util.Map<String, Integer> columns(List<String> names) throws ImportFailure {
        java.util.Map<String, Integer> columns = new java.util.HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip().toLowerCase(java.util.Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.put(name, i) != null) {
                throw new ImportFailure("The header names the column " + names.get(i).strip() + " twice.");
            }
        }
        return columns;
    }
}
