package org.opencio.vendor;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Contracts extends JpaRepository<Contract, UUID> {

    /** The term, locked until the transaction ends: transitions of one contract happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Contract c where c.id = :id")
    Optional<Contract> lockById(UUID id);

    Optional<Contract> findByPreviousTermId(UUID previousTermId);

    List<Contract> findByStatusInAndArchivedFalse(Collection<ContractStatus> statuses);
}
