package org.opencio.organization;

import java.util.UUID;

/** Published when a member loses access, so other modules can reassign their open work. */
public record MemberDeactivated(UUID orgId, UUID membershipId, UUID accountId) {}
