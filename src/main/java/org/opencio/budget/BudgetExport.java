package org.opencio.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.export.ExportTable;
import org.opencio.platform.export.ExportTable.Column;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Money;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The budget grid as a table for CSV and XLSX: one row per line with its categories, stages, forecast and variance,
 * then the plan and the actual of each fiscal month. Headers are in the organization's language; amounts are numbers.
 */
@Service
public class BudgetExport {

    private final BudgetManagement budgets;
    private final MessageSource messages;

    BudgetExport(BudgetManagement budgets, MessageSource messages) {
        this.budgets = budgets;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ExportTable table(int fiscalYear, GridFilter filter) {
        BudgetView budget = budgets.budget(fiscalYear);
        List<BudgetLineView> lines = budgets.grid(fiscalYear, filter);
        Locale locale = TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.UK);
        int digits = Money.fractionDigits(budget.currency());
        List<Column> columns = new ArrayList<>(List.of(
                Column.text(text("budget.export.code", locale), 14),
                Column.text(text("budget.export.description", locale), 36),
                Column.text(text("budget.export.department", locale), 24),
                Column.text(text("budget.export.pool", locale), 20),
                Column.text(text("budget.export.tower", locale), 20),
                Column.text(text("budget.export.type", locale), 8),
                Column.text(text("budget.export.vendor", locale), 24),
                Column.text(text("budget.export.owner", locale), 20),
                Column.text(text("budget.export.policy", locale), 16),
                Column.text(text("budget.export.forecastMethod", locale), 16),
                Column.money(text("budget.export.originalPlan", locale), digits),
                Column.money(text("budget.export.plan", locale), digits),
                Column.money(text("budget.export.reserved", locale), digits),
                Column.money(text("budget.export.committed", locale), digits),
                Column.money(text("budget.export.actual", locale), digits),
                Column.money(text("budget.export.available", locale), digits),
                Column.money(text("budget.export.forecast", locale), digits),
                Column.money(text("budget.export.variance", locale), digits),
                Column.text(text("budget.export.alert", locale), 10)));
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", locale);
        java.time.YearMonth first = java.time.YearMonth.from(budget.starts());
        for (int m = 0; m < 12; m++) {
            columns.add(Column.money(messages.getMessage("budget.export.planMonth", new Object[] {first.plusMonths(m).format(month)}, locale), digits));
        }
        for (int m = 0; m < 12; m++) {
            columns.add(Column.money(messages.getMessage("budget.export.actualMonth", new Object[] {first.plusMonths(m).format(month)}, locale), digits));
        }
        List<List<@Nullable Object>> rows = new ArrayList<>(lines.size());
        for (BudgetLineView l : lines) {
            List<@Nullable Object> row = new ArrayList<>(columns.size());
            row.add(l.code());
            row.add(l.description());
            row.add(l.departmentName());
            row.add(l.costPoolName());
            row.add(l.towerName());
            row.add(text("budget.type." + l.expenseType().name(), locale));
            row.add(l.vendorId() == null ? null : l.vendorName() != null ? l.vendorName() : text("budget.vendor.unnamed", locale));
            row.add(l.ownerName());
            row.add(text("budget.policy." + l.policy().name(), locale));
            row.add(text("budget.forecastMethod." + l.forecastMethod().name(), locale));
            row.add(l.originalPlan());
            row.add(l.plan());
            row.add(l.reserved());
            row.add(l.committed());
            row.add(l.actual());
            row.add(l.available());
            row.add(l.forecast());
            row.add(l.forecastVariance());
            row.add(text("budget.alert." + l.alertLevel(), locale));
            row.addAll(l.planByMonth());
            row.addAll(l.actualByMonth());
            rows.add(row);
        }
        return new ExportTable(budget.name(), columns, rows);
    }

    /** A file name for the export: {@code budget-2026-acme.csv}. */
    public static String fileName(int fiscalYear, String extension) {
        String slug = TenantContext.access().map(OrgAccess::slug).orElse("org");
        return "budget-" + fiscalYear + "-" + slug + "." + extension;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
