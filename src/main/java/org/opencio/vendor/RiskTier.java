package org.opencio.vendor;

/** How much risk depending on a vendor carries, highest first. */
public enum RiskTier {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW
}
