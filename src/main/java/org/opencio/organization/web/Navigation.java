package org.opencio.organization.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organization module's entries in the left navigation. */
@Configuration
class Navigation {

    @Bean
    NavItem navHome() {
        return new NavItem("1-overview", 0, "nav.home", "", null);
    }

    @Bean
    NavItem navDepartments() {
        return new NavItem("8-organization", 10, "nav.departments", "/departments", Permission.DEPARTMENTS_VIEW);
    }

    @Bean
    NavItem navMembers() {
        return new NavItem("8-organization", 20, "nav.members", "/members", Permission.MEMBERS_VIEW);
    }

    @Bean
    NavItem navInvitations() {
        return new NavItem("8-organization", 30, "nav.invitations", "/invitations", Permission.MEMBERS_MANAGE);
    }

    @Bean
    NavItem navSettings() {
        return new NavItem("8-organization", 90, "nav.settings", "/settings", Permission.ORGANIZATION_MANAGE);
    }
}
