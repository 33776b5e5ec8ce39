package org.opencio.budget.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The budget module's entries in the left navigation, in the Finance section. */
@Configuration
class BudgetNavigation {

    @Bean
    NavItem navBudget() {
        return new NavItem("3-finance", 10, "nav.budget", "/budgets", Permission.BUDGET_VIEW);
    }

    @Bean
    NavItem navCostCategories() {
        return new NavItem("3-finance", 20, "nav.costCategories", "/cost-categories", Permission.BUDGET_VIEW);
    }
}
