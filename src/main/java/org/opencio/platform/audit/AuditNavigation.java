package org.opencio.platform.audit;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class AuditNavigation {

    @Bean
    NavItem navAudit() {
        return new NavItem("9-governance", 50, "nav.audit", "/audit", Permission.AUDIT_VIEW);
    }
}
