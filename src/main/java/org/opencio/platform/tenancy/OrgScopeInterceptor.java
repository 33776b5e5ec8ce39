package org.opencio.platform.tenancy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.AccountPrincipal;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.security.IdentityDirectory;
import org.opencio.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves {@code {orgSlug}} in page and API paths to the caller's membership there. Someone who is not an active
 * member, or whose token belongs to another organization, is told the organization does not exist (404).
 */
@Component
public class OrgScopeInterceptor implements HandlerInterceptor {

    public static final String SLUG_VARIABLE = "orgSlug";

    private final IdentityDirectory directory;

    OrgScopeInterceptor(IdentityDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        TenantContext.clear();
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String slug = variables == null ? null : variables.get(SLUG_VARIABLE);
        if (slug == null) {
            return true;
        }
        AccountPrincipal caller = CurrentUser.get().orElseThrow(() -> new NotFoundException("Organization"));
        OrgAccess access = directory
                .membership(caller.accountId(), slug)
                .filter(a -> caller.tokenOrgId() == null || caller.tokenOrgId().equals(a.orgId()))
                .orElseThrow(() -> new NotFoundException("Organization"));
        TenantContext.set(access);
        return true;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        TenantContext.clear();
    }
}
