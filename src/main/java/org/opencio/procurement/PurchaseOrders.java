package org.opencio.procurement;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PurchaseOrders extends JpaRepository<PurchaseOrder, UUID> {

    /** The order, locked until the transaction ends: receipts, invoices and cancellation of one order happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.id = :id")
    Optional<PurchaseOrder> lockById(UUID id);

    Optional<PurchaseOrder> findByRequestId(UUID requestId);
}
