package org.opencio.platform.web;

import org.opencio.platform.tenancy.OrgScopeInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {

    private final OrgScopeInterceptor orgScope;

    WebConfig(OrgScopeInterceptor orgScope) {
        this.orgScope = orgScope;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(orgScope).addPathPatterns("/o/**", "/api/v1/orgs/**");
    }
}
