package org.opencio.platform.security;

import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.ForbiddenException;

/** Service-layer authorization: every use case names the permission it needs before it touches data. */
public final class Access {

    private Access() {}

    public static OrgAccess require(Permission permission) {
        OrgAccess access = TenantContext.requireAccess();
        if (!access.can(permission)) {
            throw new ForbiddenException("your role (" + access.role() + ") does not allow " + permission);
        }
        return access;
    }

    public static void requirePlatformAdmin() {
        if (!CurrentUser.require().platformAdmin()) {
            throw new ForbiddenException("only a platform administrator may do this");
        }
    }
}
