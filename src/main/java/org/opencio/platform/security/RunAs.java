package org.opencio.platform.security;

import java.util.function.Supplier;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** Runs work as a given person in a given organization (demo data, bootstrap), restoring the caller afterwards. */
public final class RunAs {

    private RunAs() {}

    public static <T> T member(AccountPrincipal person, OrgAccess access, Supplier<T> work) {
        return person(person, () -> TenantContext.callAs(access, work));
    }

    public static <T> T person(AccountPrincipal person, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
