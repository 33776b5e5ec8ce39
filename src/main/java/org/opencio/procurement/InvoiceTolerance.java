package org.opencio.procurement;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * How far an invoice's prices may exceed its order's before it waits for a decision: a percentage of the ordered
 * value of the lines billed, and at most {@code maxAmount} in the base currency over it (none: the percentage alone).
 */
public record InvoiceTolerance(BigDecimal pricePercent, @Nullable BigDecimal maxAmount, String baseCurrency, long version) {}
