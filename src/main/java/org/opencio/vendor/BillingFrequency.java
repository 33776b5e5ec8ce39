package org.opencio.vendor;

/** How often the vendor invoices a contract. */
public enum BillingFrequency {
    MONTHLY,
    QUARTERLY,
    SEMI_ANNUALLY,
    ANNUALLY,
    ONE_TIME
}
