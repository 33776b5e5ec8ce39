package org.opencio.procurement;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Purchase requests; {@link LockingPurchaseRequests#lockById} locks one for a change. */
interface PurchaseRequests extends JpaRepository<PurchaseRequest, UUID>, LockingPurchaseRequests {}
