package org.opencio.budget.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;

/**
 * One row of the budget grid with its figures already written out. A grid of 2,000 lines has 50,000 figures; formatting
 * them here with one number format, and writing the twelve month cells as one piece of markup, keeps the page fast.
 */
record GridRow(
        String code,
        String description,
        String url,
        String department,
        String pool,
        @Nullable String tower,
        String vendor,
        String type,
        String typeCss,
        String plan,
        @Nullable String originalPlan,
        String reserved,
        String committed,
        String actual,
        String available,
        String alertCss,
        @Nullable String alert,
        String forecast,
        String variance,
        boolean negativeVariance,
        String monthCells) {

    /** What the rows share: how to write numbers and words, which months to show, where links go. */
    record Context(Locale locale, String show, int currentMonth, String linesUrl, String none, String unallocatedText,
            String unnamedVendor, java.util.function.Function<String, String> label) {}

    static List<GridRow> of(List<BudgetLineView> lines, Context context) {
        NumberFormat whole = NumberFormat.getIntegerInstance(context.locale());
        whole.setRoundingMode(RoundingMode.HALF_EVEN);
        String[] typeLabels = new String[org.opencio.budget.ExpenseType.values().length];
        for (var t : org.opencio.budget.ExpenseType.values()) {
            typeLabels[t.ordinal()] = context.label().apply("budget.type." + t.name());
        }
        String warning = context.label().apply("budget.alert.WARNING");
        String over = context.label().apply("budget.alert.OVER");
        List<GridRow> rows = new ArrayList<>(lines.size());
        StringBuilder cells = new StringBuilder(1024);
        for (BudgetLineView l : lines) {
            String url = context.linesUrl() + l.id();
            cells.setLength(0);
            for (int m = 0; m < 12; m++) {
                boolean now = m + 1 == context.currentMonth();
                cells.append(now ? "<td class=\"num month now\">" : "<td class=\"num month\">");
                if (!context.show().equals("actual")) {
                    cells.append("<span class=\"p\">").append(whole.format(l.planByMonth().get(m))).append("</span>");
                }
                if (!context.show().equals("plan") && m + 1 <= context.currentMonth()) {
                    BigDecimal a = l.actualByMonth().get(m);
                    if (a.signum() == 0) {
                        cells.append("<span class=\"a zero\">0</span>");
                    } else {
                        cells.append("<a class=\"a\" href=\"").append(url).append("?stage=ACTUAL&amp;month=").append(m + 1)
                                .append("#movements\">").append(whole.format(a)).append("</a>");
                    }
                }
                cells.append("</td>");
            }
            String level = l.alertLevel();
            rows.add(new GridRow(
                    l.code(),
                    l.unallocated() ? context.unallocatedText() : l.description(),
                    url,
                    l.departmentName() == null ? context.none() : l.departmentName(),
                    l.costPoolName() == null ? context.none() : l.costPoolName(),
                    l.towerName(),
                    vendor(l, context),
                    typeLabels[l.expenseType().ordinal()],
                    "type-" + l.expenseType().name().toLowerCase(Locale.ROOT),
                    whole.format(l.plan()),
                    l.plan().compareTo(l.originalPlan()) == 0 ? null : whole.format(l.originalPlan()),
                    whole.format(l.reserved()),
                    whole.format(l.committed()),
                    whole.format(l.actual()),
                    whole.format(l.available()),
                    "alert-" + level.toLowerCase(Locale.ROOT),
                    switch (level) {
                        case "WARNING" -> warning;
                        case "OVER" -> over;
                        default -> null;
                    },
                    whole.format(l.forecast()),
                    whole.format(l.forecastVariance()),
                    l.forecastVariance().signum() < 0,
                    cells.toString()));
        }
        return rows;
    }

    /** The vendor's name; never its id, which means nothing to people. */
    static String vendor(BudgetLineView line, Context context) {
        if (line.vendorId() == null) {
            return context.none();
        }
        return line.vendorName() == null ? context.unnamedVendor() : line.vendorName();
    }
}
