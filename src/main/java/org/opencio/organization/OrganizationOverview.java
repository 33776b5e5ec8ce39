package org.opencio.organization;

import org.opencio.platform.security.Role;

/** One of the caller's organizations with its headline figures, for the cross-organization home page. */
public record OrganizationOverview(
        String slug,
        String name,
        Role role,
        String baseCurrency,
        String timeZone,
        long activeMembers,
        long departments,
        long pendingInvitations) {}
