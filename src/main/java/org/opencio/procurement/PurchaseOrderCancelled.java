package org.opencio.procurement;

import java.util.UUID;

/** A purchase order was cancelled before anything arrived or was invoiced; its commitment went back to the budget. */
public record PurchaseOrderCancelled(UUID orgId, UUID orderId, String number, UUID requestId, String reason) {}
