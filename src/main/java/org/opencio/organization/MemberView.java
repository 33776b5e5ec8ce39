package org.opencio.organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;

public record MemberView(
        UUID id,
        UUID accountId,
        String email,
        String displayName,
        Role role,
        @Nullable UUID departmentId,
        @Nullable String departmentName,
        BigDecimal approvalLimit,
        String currency,
        boolean active,
        Instant createdAt,
        long version) {}
