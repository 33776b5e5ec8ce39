package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.Role;

/** The people facts an approval plan is resolved against, for the current organization. */
public interface ApproverDirectory {

    /** Accounts of the active members with this role, in a stable order. */
    List<UUID> withRole(Role role);

    /** The head of a department, when it has one. */
    Optional<UUID> headOf(UUID departmentId);

    /** The parent of a department, when it has one. */
    Optional<UUID> parentOf(UUID departmentId);

    /** Whether the account is an active member of the organization. */
    boolean isActive(UUID accountId);

    /** The member's approval limit in base currency (zero for someone who is not a member). */
    BigDecimal approvalLimit(UUID accountId);
}
