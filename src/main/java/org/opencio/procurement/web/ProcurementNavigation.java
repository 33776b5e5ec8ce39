package org.opencio.procurement.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The procurement module's entries in the left navigation, in the Sourcing section. */
@Configuration
class ProcurementNavigation {

    @Bean
    NavItem navPurchaseRequests() {
        return new NavItem("4-sourcing", 80, "nav.purchaseRequests", "/purchase-requests", Permission.PURCHASE_REQUESTS_CREATE);
    }

    @Bean
    NavItem navPurchaseRequestInbox() {
        return new NavItem("4-sourcing", 85, "nav.purchaseRequestInbox", "/purchase-requests/inbox", Permission.PURCHASE_REQUESTS_CREATE);
    }

    @Bean
    NavItem navPurchaseOrders() {
        return new NavItem("4-sourcing", 86, "nav.purchaseOrders", "/purchase-orders", Permission.PURCHASE_ORDERS_VIEW);
    }

    @Bean
    NavItem navPurchaseSpend() {
        return new NavItem("4-sourcing", 88, "nav.purchaseSpend", "/purchase-orders/spend", Permission.PURCHASE_ORDERS_VIEW);
    }

    @Bean
    NavItem navInvoices() {
        return new NavItem("4-sourcing", 87, "nav.invoices", "/invoices", Permission.PURCHASE_ORDERS_VIEW);
    }

    @Bean
    NavItem navApprovalPolicy() {
        return new NavItem("4-sourcing", 90, "nav.approvalPolicy", "/approval-policy", Permission.APPROVAL_POLICY_VIEW);
    }

    @Bean
    NavItem navApprovalDelegations() {
        return new NavItem("4-sourcing", 95, "nav.approvalDelegations", "/approval-delegations", Permission.APPROVAL_POLICY_VIEW);
    }
}
