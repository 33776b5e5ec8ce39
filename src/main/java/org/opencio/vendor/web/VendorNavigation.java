package org.opencio.vendor.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vendor register's entries in the left navigation, in the sourcing section (contracts add theirs to it). */
@Configuration
class VendorNavigation {

    @Bean
    NavItem navVendors() {
        return new NavItem("4-sourcing", 10, "nav.vendors", "/vendors", Permission.VENDORS_VIEW);
    }

    @Bean
    NavItem navVendorReviews() {
        return new NavItem("4-sourcing", 40, "nav.vendorReviews", "/vendor-reviews", Permission.VENDORS_VIEW);
    }

    @Bean
    NavItem navVendorSpend() {
        return new NavItem("4-sourcing", 50, "nav.vendorSpend", "/vendor-spend", Permission.VENDORS_VIEW);
    }
}
