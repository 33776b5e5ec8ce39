package org.opencio.organization;

import java.util.UUID;

/** Published when an organization is created, so other modules can set up their defaults for it. */
public record OrganizationCreated(UUID orgId, String slug) {}
