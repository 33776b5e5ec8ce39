package org.opencio.procurement;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PurchaseRequests extends JpaRepository<PurchaseRequest, UUID> {}
