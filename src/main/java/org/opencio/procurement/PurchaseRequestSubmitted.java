package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.UUID;

/** A purchase request was submitted for approval, its amount reserved on a budget line. */
public record PurchaseRequestSubmitted(UUID orgId, UUID requestId, String number, int round, UUID budgetLineId, BigDecimal totalBase, String currency) {}
