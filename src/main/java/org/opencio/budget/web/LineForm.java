package org.opencio.budget.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;
import org.opencio.budget.ForecastMethod;
import org.opencio.budget.SaveBudgetLine;
import org.opencio.budget.SpendPolicy;
import org.opencio.platform.web.Amounts;
import org.opencio.shared.InvalidInputException;

/**
 * The add/edit form of a budget line as typed: amounts stay text until {@link #toCommand} reads them in the
 * organization's number format. {@code phasing} is how the plan is given: KEEP (edit without re-phasing), EQUAL (an
 * amount split over the twelve months), MONTHS (twelve inputs) or PASTE (a row copied from a spreadsheet).
 */
record LineForm(
        @Nullable String code,
        @Nullable String description,
        @Nullable UUID departmentId,
        @Nullable UUID costPoolId,
        @Nullable UUID towerId,
        @Nullable ExpenseType expenseType,
        @Nullable UUID vendorId,
        @Nullable UUID ownerId,
        @Nullable SpendPolicy policy,
        @Nullable ForecastMethod forecastMethod,
        @Nullable String phasing,
        @Nullable String amount,
        @Nullable List<String> months,
        @Nullable String paste) {

    static final List<String> PHASINGS = List.of("KEEP", "EQUAL", "MONTHS", "PASTE");

    static LineForm empty() {
        return new LineForm(null, null, null, null, null, ExpenseType.OPEX, null, null, SpendPolicy.WARN, ForecastMethod.REMAINING_PLAN,
                "EQUAL", null, blankMonths(), null);
    }

    static List<String> blankMonths() {
        List<String> blank = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            blank.add("");
        }
        return blank;
    }

    /** The month inputs, always twelve (a form posted without them shows empty ones). */
    public List<String> monthInputs() {
        List<String> values = new ArrayList<>(months == null ? List.of() : months);
        while (values.size() < 12) {
            values.add("");
        }
        return values.subList(0, 12);
    }

    public String phasingOrDefault(boolean creating) {
        String p = phasing == null ? "" : phasing;
        if (!PHASINGS.contains(p) || (creating && p.equals("KEEP"))) {
            return creating ? "EQUAL" : "KEEP";
        }
        return p;
    }

    /**
     * The command for the budget module. {@code planEditable} is false once the budget left the draft: then the plan
     * is never sent, whatever the form says, since it changes only through revisions.
     */
    SaveBudgetLine toCommand(boolean creating, boolean planEditable, Locale locale) {
        BigDecimal equal = null;
        List<BigDecimal> perMonth = null;
        if (planEditable) {
            switch (phasingOrDefault(creating)) {
                case "EQUAL" -> {
                    equal = amount("amount", amount, locale);
                    if (equal == null) {
                        throw InvalidInputException.of("amount", "required", "enter the yearly amount to split over the months");
                    }
                }
                case "MONTHS" -> {
                    perMonth = new ArrayList<>(12);
                    List<String> inputs = monthInputs();
                    List<InvalidInputException.FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < 12; i++) {
                        try {
                            BigDecimal v = Amounts.parse(inputs.get(i), locale);
                            perMonth.add(v == null ? BigDecimal.ZERO : v);
                        } catch (IllegalArgumentException e) {
                            errors.add(new InvalidInputException.FieldError("months[" + i + "]", "number", "month " + (i + 1) + " is not a number"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new InvalidInputException(errors);
                    }
                }
                case "PASTE" -> perMonth = MonthPaste.parse(paste == null ? "" : paste, "paste", locale);
                default -> {}
            }
        }
        return new SaveBudgetLine(
                creating ? code : null,
                description,
                departmentId,
                costPoolId,
                towerId,
                expenseType,
                vendorId,
                ownerId,
                policy,
                forecastMethod,
                equal,
                perMonth);
    }

    private static @Nullable BigDecimal amount(String field, @Nullable String text, Locale locale) {
        try {
            return Amounts.parse(text, locale);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "number", field + " is not a number");
        }
    }
}
