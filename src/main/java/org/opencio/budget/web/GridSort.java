package org.opencio.budget.web;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;

/** The columns the budget grid sorts by ({@code sort=field}, or {@code -field} for descending). */
final class GridSort {

    static final String DEFAULT = "code";

    private static final Comparator<@Nullable String> TEXT = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

    private static final Map<String, Comparator<BudgetLineView>> COLUMNS = Map.of(
            "code", Comparator.comparing(BudgetLineView::code, TEXT),
            "description", Comparator.comparing(BudgetLineView::description, TEXT),
            "department", Comparator.comparing(BudgetLineView::departmentName, TEXT),
            "vendor", Comparator.comparing(BudgetLineView::vendorName, TEXT),
            "plan", money(BudgetLineView::plan),
            "actual", money(BudgetLineView::actual),
            "available", money(BudgetLineView::available),
            "forecast", money(BudgetLineView::forecast),
            "variance", money(BudgetLineView::forecastVariance));

    private GridSort() {}

    /** The sort actually applied: the requested one when known, else by code. */
    static String normalize(@Nullable String sort) {
        if (sort == null) {
            return DEFAULT;
        }
        String field = sort.startsWith("-") ? sort.substring(1) : sort;
        return COLUMNS.containsKey(field) ? sort : DEFAULT;
    }

    /** The lines in that order; the unallocated line stays last, where people look for it. */
    static List<BudgetLineView> apply(List<BudgetLineView> lines, String sort) {
        boolean descending = sort.startsWith("-");
        Comparator<BudgetLineView> order = COLUMNS.get(descending ? sort.substring(1) : sort);
        if (descending) {
            order = order.reversed();
        }
        return lines.stream()
                .sorted(Comparator.comparing(BudgetLineView::unallocated).thenComparing(order).thenComparing(BudgetLineView::code))
                .toList();
    }

    private static Comparator<BudgetLineView> money(Function<BudgetLineView, BigDecimal> figure) {
        return Comparator.comparing(figure);
    }
}
