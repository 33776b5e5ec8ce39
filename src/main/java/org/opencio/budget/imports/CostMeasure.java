package org.opencio.budget.imports;

/**
 * Which amount of a FOCUS row becomes the actual. BILLED is BilledCost, the cash view: what the invoice charges, an
 * upfront purchase (a reservation, a savings plan paid in advance) in full on its day. EFFECTIVE is EffectiveCost, the
 * amortised view: a prepaid purchase counts 0 on its own row (FOCUS requires EffectiveCost 0 there) and is spread over
 * the usage rows of the periods it covers, with discounts applied. A GL export has one amount; the measure does not
 * apply to it.
 */
public enum CostMeasure {
    BILLED,
    EFFECTIVE
}
