package org.opencio.organization;

import org.opencio.platform.security.Role;

/** One organization the caller belongs to, as listed by {@code GET /api/v1/orgs} and the home page. */
public record MembershipSummary(String slug, String name, Role role, String baseCurrency, String timeZone) {}
