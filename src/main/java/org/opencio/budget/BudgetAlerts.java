package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.notification.Notice;
import org.opencio.platform.notification.Notifications;
import org.opencio.platform.security.Role;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/**
 * Tells a line's owner and the CIOs when the line crosses its warning threshold or goes over plan, once per crossing:
 * a line that stays over does not notify again, one that recovers and crosses again does.
 */
@Component
class BudgetAlerts {

    private static final List<String> LEVELS = List.of("OK", "WARNING", "OVER");

    private final Notifications notifications;
    private final MemberManagement members;

    BudgetAlerts(Notifications notifications, MemberManagement members) {
        this.notifications = notifications;
        this.members = members;
    }

    void afterChange(BudgetLine line, Budget budget) {
        if (line.unallocated()) {
            return;
        }
        BigDecimal plan = line.planTotal();
        BigDecimal used = plan.subtract(line.available());
        String level = level(plan, used, budget.warnPercent());
        String before = line.alertLevel();
        if (level.equals(before)) {
            return;
        }
        line.alertLevel(level);
        if (LEVELS.indexOf(level) <= LEVELS.indexOf(before)) {
            return;
        }
        Set<UUID> recipients = new LinkedHashSet<>(members.activeAccounts(Role.CIO));
        if (line.ownerId() != null && members.isActiveMember(line.ownerId())) {
            recipients.add(line.ownerId());
        }
        String percent = plan.signum() == 0 ? "—" : used.multiply(BigDecimal.valueOf(100)).divide(plan, 0, RoundingMode.HALF_UP) + " %";
        String title = "OVER".equals(level)
                ? "Budget line " + line.code() + " is over plan"
                : "Budget line " + line.code() + " passed " + budget.warnPercent().stripTrailingZeros().toPlainString() + " % of plan";
        String body = line.description() + ": " + used.setScale(2, RoundingMode.HALF_UP).toPlainString() + " of "
                + plan.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + budget.currency() + " used (" + percent + ").";
        String slug = TenantContext.access().map(a -> a.slug()).orElse(null);
        String link = slug == null ? null : "/o/" + slug + "/budgets/" + budget.fiscalYear() + "/lines/" + line.getId();
        notifications.notify(recipients, new Notice("budget.line-" + level.toLowerCase(), title, body, link));
    }

    static String level(BigDecimal plan, BigDecimal used, BigDecimal warnPercent) {
        if (used.compareTo(plan) > 0) {
            return "OVER";
        }
        if (plan.signum() > 0
                && used.multiply(BigDecimal.valueOf(100)).compareTo(plan.multiply(warnPercent)) >= 0) {
            return "WARNING";
        }
        return "OK";
    }
}
