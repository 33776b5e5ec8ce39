package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Decides OK / WARNING / OVER for an amount on a line, and whether the line's policy lets it through. */
final class SpendRule {

    private SpendRule() {}

    static BudgetCheck check(BudgetLine line, BigDecimal amount, BigDecimal warnPercent, String currency) {
        BigDecimal plan = line.planTotal();
        BigDecimal before = line.available();
        BigDecimal after = before.subtract(amount);
        BigDecimal used = plan.subtract(after);
        BigDecimal percent = plan.signum() == 0
                ? (used.signum() > 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO)
                : used.multiply(BigDecimal.valueOf(100)).divide(plan, 2, RoundingMode.HALF_UP);
        // The percentage is rounded for people to read; the thresholds compare exact amounts, as the alerts do.
        String status = BudgetAlerts.level(plan, used, warnPercent);
        boolean over = "OVER".equals(status);
        boolean allowed = !over || line.policy() != SpendPolicy.BLOCK;
        boolean extra = over && line.policy() == SpendPolicy.EXTRA_APPROVAL;
        return new BudgetCheck(line.getId(), status, amount, plan, before, after, percent, line.policy(), allowed, extra, currency);
    }
}
