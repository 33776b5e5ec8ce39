package org.opencio.budget.web;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import org.opencio.budget.BudgetStatus;
import org.opencio.budget.BudgetView;
import org.opencio.budget.RevisionManagement;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every page of a budget shows above its content: status, figures, what to do next, tabs. */
@Component
class BudgetHeader {

    private final RevisionManagement revisions;

    BudgetHeader(RevisionManagement revisions) {
        this.revisions = revisions;
    }

    /** The fiscal month (1–12) of today; 0 before the year, 13 after it. */
    static int currentMonth(BudgetView budget) {
        LocalDate today = LocalDate.now(BudgetPages.zone());
        return today.isBefore(budget.starts()) ? 0
                : today.isAfter(budget.ends()) ? 13 : BudgetPages.months(budget).indexOf(YearMonth.from(today)) + 1;
    }

    void fill(Model model, BudgetView budget, String tab) {
        OrgAccess access = TenantContext.requireAccess();
        model.addAttribute("budget", budget);
        model.addAttribute("tab", tab);
        model.addAttribute("months", BudgetPages.shortMonths(budget));
        model.addAttribute("monthNames", BudgetPages.longMonths(budget));
        model.addAttribute("canManage", access.can(Permission.BUDGET_MANAGE));
        model.addAttribute("canApprove", access.can(Permission.BUDGET_APPROVE));
        model.addAttribute("editable", budget.status() == BudgetStatus.DRAFT);
        model.addAttribute("usedShare", budget.plan().signum() <= 0 ? null
                : budget.plan().subtract(budget.available()).divide(budget.plan(), 4, RoundingMode.HALF_UP));
        model.addAttribute("pendingRevisions", budget.status() != BudgetStatus.APPROVED ? 0
                : revisions.list(budget.fiscalYear()).stream().filter(r -> r.status().equals("PROPOSED")).count());
        model.addAttribute("currentMonth", currentMonth(budget));
    }
}
