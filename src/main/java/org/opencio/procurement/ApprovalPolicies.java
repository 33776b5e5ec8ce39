package org.opencio.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalPolicies extends JpaRepository<ApprovalPolicy, UUID> {

    List<ApprovalPolicy> findAllByOrderByVersionNumberDesc();

    Optional<ApprovalPolicy> findFirstByStatusAndEffectiveFromLessThanEqualOrderByEffectiveFromDescVersionNumberDesc(
            PolicyStatus status, LocalDate day);

    Optional<ApprovalPolicy> findFirstByStatus(PolicyStatus status);

    @Query("select coalesce(max(p.versionNumber), 0) from ApprovalPolicy p")
    int lastVersionNumber();
}
