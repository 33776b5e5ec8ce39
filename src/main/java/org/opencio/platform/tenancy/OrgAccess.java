package org.opencio.platform.tenancy;

import java.util.UUID;
import org.opencio.platform.security.Permission;
import org.opencio.platform.security.Role;

/** Who is acting in which organization, and with which role: resolved once per request. */
public record OrgAccess(
        UUID orgId,
        String slug,
        String orgName,
        String baseCurrency,
        String timeZone,
        String locale,
        UUID accountId,
        UUID membershipId,
        Role role) {

    public boolean can(Permission permission) {
        return role.can(permission);
    }
}
