package org.opencio.platform.web;

import org.opencio.platform.tenancy.OrgScopeInterceptor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
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

    /**
     * Without Spring Boot's resource URL encoding: it would rewrite resource links to versioned ones, but no version
     * strategy is configured, and it asks the class path (inside the jar) for every link a page writes — about a
     * seventh of the server time of a budget grid page. WebJars are served all the same, by their version-less paths.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
