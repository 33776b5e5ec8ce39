package org.opencio.organization;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.security.Role;

public record InviteMember(
        @Nullable String email, @Nullable Role role, @Nullable UUID departmentId, @Nullable BigDecimal approvalLimit) {}
