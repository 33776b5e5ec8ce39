package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.imports.CellValues.Bad;
import org.opencio.budget.imports.CellValues.Stamp;
import org.opencio.budget.rates.RateBook;

/**
 * A general-ledger export with the columns the person importing it named (see {@link GlMapping}). Amounts in another
 * currency than the budget's (when a currency column is named) are converted with the exchange rate of the row's date.
 */
final class GlFormat implements CostFormat {

    private final GlMapping mapping;
    private final String currency;
    private final RateBook rates;
    private int width;
    private int date;
    private int amount;
    private int lineCode;
    private int account;
    private int description;
    private int reference;
    private int currencyColumn;

    GlFormat(GlMapping mapping, String currency, RateBook rates) {
        this.mapping = mapping;
        this.currency = currency;
        this.rates = rates;
    }

    @Override
    public char delimiter() {
        return mapping.delimiter() == null ? ',' : mapping.delimiter().character();
    }

    @Override
    public String dateColumn() {
        return String.valueOf(mapping.dateColumn());
    }

    @Override
    public void header(List<String> names) throws ImportFailure {
        Map<String, Integer> columns = CostFormat.columns(names);
        List<String> missing = new ArrayList<>();
        width = names.size();
        date = find(columns, mapping.dateColumn(), missing);
        amount = find(columns, mapping.amountColumn(), missing);
        lineCode = find(columns, mapping.lineCodeColumn(), missing);
        account = find(columns, mapping.accountColumn(), missing);
        description = find(columns, mapping.descriptionColumn(), missing);
        reference = find(columns, mapping.referenceColumn(), missing);
        currencyColumn = find(columns, mapping.currencyColumn(), missing);
        if (!missing.isEmpty()) {
            throw new ImportFailure("The header lacks the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " that the column mapping names (the header has: " + CellValues.shorten(String.join(", ", names)) + ").");
        }
    }

    private static int find(Map<String, Integer> columns, @Nullable String name, List<String> missing) {
        if (name == null) {
            return -1;
        }
        Integer index = columns.get(name.strip().toLowerCase(Locale.ROOT));
        if (index == null) {
            missing.add(name);
            return -1;
        }
        return index;
    }

    @Override
    public CostRow row(CsvReader.Record record) throws Bad {
        if (record.size() != width) {
            throw new Bad("the row has " + record.size() + " values where the header has " + width);
        }
        List<String> problems = new ArrayList<>(0);
        String dateName = mapping.dateColumn();
        String amountName = mapping.amountColumn();
        Stamp when = null;
        BigDecimal money = null;
        String dateValue = text(record, date);
        if (dateValue == null) {
            problems.add(dateName + " is empty");
        } else {
            try {
                when = CellValues.stamp(dateValue, dateName, mapping.dateOrder());
            } catch (Bad e) {
                problems.add(e.getMessage());
            }
        }
        String amountValue = text(record, amount);
        if (amountValue == null) {
            problems.add(amountName + " is empty");
        } else {
            try {
                money = CellValues.decimal(amountValue, amountName, mapping.decimalSeparator() == GlMapping.DecimalSeparator.COMMA);
            } catch (Bad e) {
                problems.add(e.getMessage());
            }
        }
        String given = text(record, currencyColumn);
        String rowCurrency = given == null ? currency : given.toUpperCase(Locale.ROOT);
        BigDecimal rate = null;
        if (!rowCurrency.equals(currency) && when != null) {
            rate = rates.rateOn(rowCurrency, when.date());
            if (rate == null) {
                problems.add(mapping.currencyColumn() + " " + CellValues.shorten(given) + " on " + when.date()
                        + " cannot be converted into the budget's " + currency + ": " + rates.missing(rowCurrency, when.date()));
            }
        }
        if (!problems.isEmpty()) {
            throw new Bad(String.join("; ", problems));
        }
        String accountValue = text(record, account);
        String code = text(record, lineCode);
        String key = DedupeKey.of(
                "GL",
                Long.toString(when.epochSecond()),
                money.stripTrailingZeros().toPlainString(),
                accountValue,
                code,
                text(record, description),
                text(record, reference),
                rowCurrency);
        return new CostRow(record.line(), key, when.date(), money, null, null, null, null, null, null, null, accountValue, code, null,
                rowCurrency, rate, rate == null ? money : money.multiply(rate));
    }

    private static @Nullable String text(CsvReader.Record record, int column) {
        return column < 0 ? null : CellValues.text(record.get(column));
    }
}
