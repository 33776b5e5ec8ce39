package org.opencio.asset.web;

import org.opencio.platform.security.Permission;
import org.opencio.platform.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The asset module's entry in the left navigation, in the Operations section. */
@Configuration
class AssetNavigation {

    @Bean
    NavItem navAssets() {
        return new NavItem("5-operations", 10, "nav.assets", "/assets", Permission.ASSETS_VIEW);
    }
}
