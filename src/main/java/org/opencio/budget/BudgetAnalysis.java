package org.opencio.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only views of a budget across its lines: variance by category and department, and the burn by month. */
@Service
public class BudgetAnalysis {

    private final BudgetManagement budgets;
    private final BudgetLines lines;
    private final JdbcClient jdbc;

    BudgetAnalysis(BudgetManagement budgets, BudgetLines lines, JdbcClient jdbc) {
        this.budgets = budgets;
        this.lines = lines;
        this.jdbc = jdbc;
    }

    /** Plan, stages, forecast and variance of the lines that match the filter, grouped three ways. */
    @Transactional(readOnly = true)
    public BudgetVariance variance(int fiscalYear, GridFilter filter) {
        return variance(budgets.grid(fiscalYear, filter));
    }

    /** The same from lines the caller has already read (the grid page reads them once for everything it shows). */
    public static BudgetVariance variance(List<BudgetLineView> lines) {
        // The unallocated line counts only when cost has landed on it.
        List<BudgetLineView> grid = lines.stream()
                .filter(l -> !l.unallocated() || l.actual().signum() != 0 || l.committed().signum() != 0 || l.reserved().signum() != 0)
                .toList();
        return new BudgetVariance(
                group(grid, BudgetLineView::costPoolId, BudgetLineView::costPoolName),
                group(grid, BudgetLineView::towerId, BudgetLineView::towerName),
                group(grid, BudgetLineView::departmentId, BudgetLineView::departmentName),
                total(grid));
    }

    /** The whole budget's burn, or one line's ({@code lineId} names a line of that budget). */
    @Transactional(readOnly = true)
    public BurnView burn(int fiscalYear, @Nullable UUID lineId) {
        Access.require(Permission.BUDGET_VIEW);
        Budget budget = budgets.find(fiscalYear);
        if (lineId != null) {
            lines.findById(lineId).filter(l -> l.budgetId().equals(budget.getId())).orElseThrow(() -> new NotFoundException("Budget line"));
        }
        String lineFilter = lineId == null ? "" : " and l.id = :line";
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", budget.orgId());
        params.put("budget", budget.getId());
        if (lineId != null) {
            params.put("line", lineId);
        }
        BigDecimal[] plan = zeros();
        jdbc.sql("select coalesce(sum(m01),0), coalesce(sum(m02),0), coalesce(sum(m03),0), coalesce(sum(m04),0), coalesce(sum(m05),0), "
                        + "coalesce(sum(m06),0), coalesce(sum(m07),0), coalesce(sum(m08),0), coalesce(sum(m09),0), coalesce(sum(m10),0), "
                        + "coalesce(sum(m11),0), coalesce(sum(m12),0) from budget_lines l "
                        + "where l.org_id = :org and l.budget_id = :budget and l.archived = false" + lineFilter)
                .params(params)
                .query(rs -> {
                    for (int m = 0; m < Phasing.MONTHS; m++) {
                        plan[m] = rs.getBigDecimal(m + 1);
                    }
                });
        BigDecimal[] actual = zeros();
        jdbc.sql("select t.fiscal_month, sum(t.amount) from budget_actual_totals t join budget_lines l on l.id = t.line_id "
                        + "where t.org_id = :org and l.org_id = :org and l.budget_id = :budget and l.archived = false" + lineFilter
                        + " group by t.fiscal_month")
                .params(params)
                .query(rs -> {
                    int m = rs.getInt(1);
                    if (m >= 1 && m <= Phasing.MONTHS) {
                        actual[m - 1] = actual[m - 1].add(rs.getBigDecimal(2));
                    }
                });
        // Reservations and commitments by the month they were made, released or settled: their running sum is what
        // was open at the end of each month.
        BigDecimal[] open = zeros();
        jdbc.sql("select mv.fiscal_month, sum(mv.amount) from budget_movements mv join budget_lines l on l.id = mv.line_id "
                        + "where mv.org_id = :org and l.org_id = :org and l.budget_id = :budget and l.archived = false"
                        + " and mv.stage in ('RESERVED', 'COMMITTED')" + lineFilter + " group by mv.fiscal_month")
                .params(params)
                .query(rs -> {
                    int m = rs.getInt(1);
                    if (m >= 1 && m <= Phasing.MONTHS) {
                        open[m - 1] = open[m - 1].add(rs.getBigDecimal(2));
                    }
                });
        int scale = org.opencio.shared.Money.fractionDigits(budget.currency());
        int current = budget.fiscalMonthOf(LocalDate.now(BudgetLedger.zone()));
        List<YearMonth> months = new ArrayList<>();
        List<BigDecimal> planCumulative = new ArrayList<>();
        List<@Nullable BigDecimal> actualCumulative = new ArrayList<>();
        List<@Nullable BigDecimal> committedCumulative = new ArrayList<>();
        BigDecimal p = BigDecimal.ZERO;
        BigDecimal a = BigDecimal.ZERO;
        BigDecimal o = BigDecimal.ZERO;
        for (int m = 0; m < Phasing.MONTHS; m++) {
            months.add(budget.month(m + 1));
            p = p.add(plan[m]);
            a = a.add(actual[m]);
            o = o.add(open[m]);
            planCumulative.add(round(p, scale));
            boolean reached = m + 1 <= current;
            actualCumulative.add(reached ? round(a, scale) : null);
            committedCumulative.add(reached ? round(a.add(o), scale) : null);
        }
        List<BudgetLineView> rows = lineId == null ? budgets.grid(fiscalYear, GridFilter.none()) : List.of(budgets.line(lineId));
        BigDecimal forecast = rows.stream().map(BudgetLineView::forecast).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BurnView(months, Arrays.stream(plan).map(v -> round(v, scale)).toList(), planCumulative,
                Arrays.stream(actual).map(v -> round(v, scale)).toList(), actualCumulative, committedCumulative, current, forecast);
    }

    private static List<VarianceRow> group(
            List<BudgetLineView> grid, Function<BudgetLineView, @Nullable UUID> id, Function<BudgetLineView, @Nullable String> name) {
        Map<@Nullable UUID, List<BudgetLineView>> groups = new LinkedHashMap<>();
        for (BudgetLineView line : grid) {
            groups.computeIfAbsent(id.apply(line), k -> new ArrayList<>()).add(line);
        }
        List<VarianceRow> rows = new ArrayList<>();
        groups.forEach((key, members) -> {
            VarianceRow sum = total(members);
            rows.add(new VarianceRow(key, key == null ? null : name.apply(members.getFirst()), sum.lines(), sum.plan(), sum.reserved(),
                    sum.committed(), sum.actual(), sum.forecast(), sum.variance()));
        });
        // Largest plans first; the lines without a group last.
        rows.sort(Comparator.comparing((VarianceRow r) -> r.id() == null).thenComparing(VarianceRow::plan, Comparator.reverseOrder()));
        return rows;
    }

    private static VarianceRow total(List<BudgetLineView> lines) {
        BigDecimal plan = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        for (BudgetLineView l : lines) {
            plan = plan.add(l.plan());
            reserved = reserved.add(l.reserved());
            committed = committed.add(l.committed());
            actual = actual.add(l.actual());
            forecast = forecast.add(l.forecast());
            variance = variance.add(l.forecastVariance());
        }
        return new VarianceRow(null, null, lines.size(), plan, reserved, committed, actual, forecast, variance);
    }

    private static BigDecimal round(BigDecimal value, int scale) {
        return value.setScale(scale, java.math.RoundingMode.HALF_EVEN);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] months = new BigDecimal[Phasing.MONTHS];
        Arrays.fill(months, BigDecimal.ZERO);
        return months;
    }
}
