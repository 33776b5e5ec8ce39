package org.opencio.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface Memberships extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByAccountId(UUID accountId);

    long countByRoleAndActiveTrue(Role role);

    List<Membership> findByDepartmentIdAndActiveTrue(UUID departmentId);
}
