package org.opencio.vendor.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetLineView;
import org.opencio.budget.BudgetManagement;
import org.opencio.budget.BudgetView;
import org.opencio.budget.GridFilter;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Budget lines as the contract pages show them, read through the budget module's API and only for people who may see
 * the budget: the lines of this and later fiscal years to choose from, and a contract's line with its year and code.
 */
@Component
class BudgetLineChoices {

    /** A line to choose: "FY2027 · LIC-01 Microsoft 365 (EUR)". */
    record Choice(UUID id, int fiscalYear, String code, String description, String currency) {}

    private final BudgetManagement budgets;

    BudgetLineChoices(BudgetManagement budgets) {
        this.budgets = budgets;
    }

    boolean visible() {
        return TenantContext.access().map(a -> a.can(Permission.BUDGET_VIEW)).orElse(false);
    }

    List<Choice> choices(int fromYear) {
        if (!visible()) {
            return List.of();
        }
        List<Choice> choices = new ArrayList<>();
        for (BudgetView budget : budgets.budgets()) {
            if (budget.fiscalYear() < fromYear) {
                continue;
            }
            for (BudgetLineView line : budgets.grid(budget.fiscalYear(), GridFilter.none())) {
                if (!line.unallocated()) {
                    choices.add(new Choice(line.id(), budget.fiscalYear(), line.code(), line.description(), budget.currency()));
                }
            }
        }
        choices.sort(java.util.Comparator.comparingInt(Choice::fiscalYear).thenComparing(Choice::code));
        return choices;
    }

    /** The line with its fiscal year, when the person may see budgets and it still exists. */
    Optional<Choice> line(@Nullable UUID lineId) {
        if (lineId == null || !visible()) {
            return Optional.empty();
        }
        try {
            BudgetLineView line = budgets.line(lineId);
            Map<UUID, BudgetView> byId = budgets.budgets().stream().collect(Collectors.toMap(BudgetView::id, b -> b));
            BudgetView budget = byId.get(line.budgetId());
            return budget == null ? Optional.empty()
                    : Optional.of(new Choice(line.id(), budget.fiscalYear(), line.code(), line.description(), budget.currency()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
