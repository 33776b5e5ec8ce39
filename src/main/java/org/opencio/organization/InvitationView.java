package org.opencio.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;

/** An invitation; {@code status} is PENDING, ACCEPTED, REVOKED or EXPIRED. */
public record InvitationView(
        UUID id,
        String email,
        Role role,
        @Nullable UUID departmentId,
        @Nullable String departmentName,
        BigDecimal approvalLimit,
        String status,
        String invitedBy,
        Instant expiresAt,
        Instant createdAt,
        long version) {}
