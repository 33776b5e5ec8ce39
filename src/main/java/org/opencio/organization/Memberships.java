package org.opencio.organization;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.Role;
import org.springframework.data.jpa.repository.JpaRepository;

interface Memberships extends JpaRepository<Membership, UUID> {

    Optional<Membership> findByAccountId(UUID accountId);

    long countByRoleAndActiveTrue(Role role);

    /** The active members with a role, locked until the transaction ends (in id order, so lockers never deadlock). */
    @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
    List<Membership> findByRoleAndActiveTrueOrderById(Role role);

    List<Membership> findByDepartmentIdAndActiveTrue(UUID departmentId);
}
