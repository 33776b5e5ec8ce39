package org.opencio.budget;

import java.math.BigDecimal;

/**
 * What money recorded in the budget's currency was before conversion: the amount in its own currency and the rate (units
 * of the budget's currency per unit of it) that converted it. Kept with the money, so a rate changed later changes
 * nothing already recorded.
 */
public record ForeignAmount(BigDecimal amount, String currency, BigDecimal rate) {}
