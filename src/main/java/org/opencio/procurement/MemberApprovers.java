package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.platform.security.Role;

/** The approver directory of the current organization, read once per plan from the organization module. */
final class MemberApprovers implements ApproverDirectory {

    private final MemberManagement members;
    private final Map<UUID, UUID> heads = new HashMap<>();
    private final Map<UUID, UUID> parents = new HashMap<>();
    private final Map<Role, List<UUID>> byRole = new HashMap<>();
    private final Map<UUID, Boolean> active = new HashMap<>();
    private final Map<UUID, BigDecimal> limits = new HashMap<>();

    MemberApprovers(MemberManagement members, DepartmentManagement departments) {
        this.members = members;
        // The reporting lines need no member's permission, so the reminder job resolves escalations with them too.
        for (var d : departments.reportingLines()) {
            if (d.headAccountId() != null) {
                heads.put(d.departmentId(), d.headAccountId());
            }
            if (d.parentId() != null) {
                parents.put(d.departmentId(), d.parentId());
            }
        }
    }

    @Override
    public List<UUID> withRole(Role role) {
        return byRole.computeIfAbsent(role, r -> members.activeAccounts(r).stream().sorted().toList());
    }

    @Override
    public Optional<UUID> headOf(UUID departmentId) {
        return Optional.ofNullable(heads.get(departmentId));
    }

    @Override
    public Optional<UUID> parentOf(UUID departmentId) {
        return Optional.ofNullable(parents.get(departmentId));
    }

    @Override
    public boolean isActive(UUID accountId) {
        return active.computeIfAbsent(accountId, members::isActiveMember);
    }

    @Override
    public BigDecimal approvalLimit(UUID accountId) {
        return limits.computeIfAbsent(accountId, members::approvalLimitOf);
    }
}
