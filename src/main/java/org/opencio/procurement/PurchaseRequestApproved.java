package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.UUID;

/** Every approval step of a purchase request approved it; its reservation stays until an order commits it. */
public record PurchaseRequestApproved(UUID orgId, UUID requestId, String number, UUID budgetLineId, BigDecimal totalBase, String currency) {}
