package org.opencio.vendor.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Contracts and the renewal calendar in the left navigation, in the sourcing section beside the vendor register. */
@Configuration
class ContractNavigation {

    @Bean
    NavItem navContractList() {
        return new NavItem("4-sourcing", 20, "nav.contracts", "/contracts", Permission.CONTRACTS_VIEW);
    }

    @Bean
    NavItem navContractRenewals() {
        return new NavItem("4-sourcing", 30, "nav.renewals", "/renewals", Permission.CONTRACTS_VIEW);
    }
}
