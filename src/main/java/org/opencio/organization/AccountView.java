package org.opencio.organization;

import java.util.List;
import java.util.UUID;

/** The signed-in person, as {@code GET /api/v1/me} answers. */
public record AccountView(UUID id, String email, String displayName, boolean platformAdmin, List<MembershipSummary> organizations) {}
