package org.opencio.procurement;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseRequests extends JpaRepository<PurchaseRequest, UUID> {

    /** The request, locked until the transaction ends: decisions on one request happen one after another. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PurchaseRequest r where r.id = :id")
    Optional<PurchaseRequest> lockById(UUID id);
}
