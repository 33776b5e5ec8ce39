package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.UUID;

/** An approved request became a purchase order; its money moved from reserved to committed on the budget line. */
public record PurchaseOrderPlaced(
        UUID orgId, UUID orderId, String number, UUID requestId, UUID vendorId, UUID budgetLineId, BigDecimal totalBase, String currency) {}
