package org.opencio.procurement;

import java.util.UUID;

/** An approver rejected a purchase request; its reservation was released. */
public record PurchaseRequestRejected(UUID orgId, UUID requestId, String number, UUID rejectedBy, String comment) {}
