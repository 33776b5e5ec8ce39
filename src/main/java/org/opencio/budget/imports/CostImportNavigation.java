package org.opencio.budget.imports;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Cost imports and their mapping rules in the left navigation, in the finance section, after the budget. */
@Configuration
class CostImportNavigation {

    @Bean
    NavItem navCostImports() {
        return new NavItem("3-finance", 50, "nav.costImports", "/cost-imports", Permission.BUDGET_VIEW);
    }

    @Bean
    NavItem navCostMappingRules() {
        return new NavItem("3-finance", 60, "nav.costMappingRules", "/cost-mapping-rules", Permission.BUDGET_VIEW);
    }
}
