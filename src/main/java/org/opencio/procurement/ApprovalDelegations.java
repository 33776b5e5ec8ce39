package org.opencio.procurement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ApprovalDelegations extends JpaRepository<ApprovalDelegation, UUID> {

    /** Delegations of a person that are not revoked and end on or after a day. */
    @Query("select d from ApprovalDelegation d where d.delegatorId = ?1 and d.revokedAt is null and d.endsOn >= ?2 order by d.startsOn")
    List<ApprovalDelegation> openOf(UUID delegatorId, LocalDate from);

    @Query("select d from ApprovalDelegation d where (d.delegatorId = ?1 or d.delegateId = ?1) order by d.startsOn desc, d.id desc")
    List<ApprovalDelegation> involving(UUID accountId);

    @Query("select d from ApprovalDelegation d order by d.startsOn desc, d.id desc")
    List<ApprovalDelegation> newestFirst();
}
