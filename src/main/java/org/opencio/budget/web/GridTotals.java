package org.opencio.budget.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opencio.budget.BudgetLineView;

/** The totals row of the budget grid: every figure of the shown lines added up, month by month too. */
record GridTotals(
        BigDecimal originalPlan,
        BigDecimal plan,
        BigDecimal reserved,
        BigDecimal committed,
        BigDecimal actual,
        BigDecimal available,
        BigDecimal forecast,
        BigDecimal variance,
        List<BigDecimal> planByMonth,
        List<BigDecimal> actualByMonth) {

    static GridTotals of(List<BudgetLineView> lines) {
        BigDecimal original = BigDecimal.ZERO;
        BigDecimal plan = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal forecast = BigDecimal.ZERO;
        BigDecimal variance = BigDecimal.ZERO;
        List<BigDecimal> planMonths = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
        List<BigDecimal> actualMonths = new ArrayList<>(Collections.nCopies(12, BigDecimal.ZERO));
        for (BudgetLineView l : lines) {
            original = original.add(l.originalPlan());
            plan = plan.add(l.plan());
            reserved = reserved.add(l.reserved());
            committed = committed.add(l.committed());
            actual = actual.add(l.actual());
            available = available.add(l.available());
            forecast = forecast.add(l.forecast());
            variance = variance.add(l.forecastVariance());
            for (int m = 0; m < 12; m++) {
                planMonths.set(m, planMonths.get(m).add(l.planByMonth().get(m)));
                actualMonths.set(m, actualMonths.get(m).add(l.actualByMonth().get(m)));
            }
        }
        return new GridTotals(original, plan, reserved, committed, actual, available, forecast, variance, planMonths, actualMonths);
    }
}
