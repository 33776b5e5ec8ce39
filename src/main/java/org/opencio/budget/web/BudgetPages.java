package org.opencio.budget.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencio.budget.BudgetView;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.NotFoundException;

/** What the budget pages share: the fiscal year in a path, month labels, the organization's locale. */
final class BudgetPages {

    private BudgetPages() {}

    /** A fiscal year in a path; anything else names no budget (404, before anything else is looked at). */
    static int year(String value) {
        if (value.length() != 4) {
            throw new NotFoundException("Budget");
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Budget");
        }
    }

    static Locale locale() {
        return TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.UK);
    }

    static ZoneId zone() {
        return TenantContext.access().map(OrgAccess::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }

    /** The fiscal year today falls in, named (as budgets are) by the calendar year in which it starts. */
    static int currentFiscalYear(int startMonth) {
        LocalDate today = LocalDate.now(zone());
        return today.getMonthValue() >= startMonth ? today.getYear() : today.getYear() - 1;
    }

    static List<YearMonth> months(BudgetView budget) {
        List<YearMonth> months = new ArrayList<>(12);
        YearMonth first = YearMonth.from(budget.starts());
        for (int m = 0; m < 12; m++) {
            months.add(first.plusMonths(m));
        }
        return months;
    }

    /** "Jan", "Feb", … in the organization's language, first fiscal month first. */
    static List<String> shortMonths(BudgetView budget) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("LLL", locale());
        return months(budget).stream().map(m -> format.format(m)).toList();
    }

    /** "January 2026", … for titles and the month pickers of forms. */
    static List<String> longMonths(BudgetView budget) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("LLLL yyyy", locale());
        return months(budget).stream().map(m -> format.format(m)).toList();
    }
}
