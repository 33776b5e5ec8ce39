package org.opencio.vendor;

/** How important a vendor is to the organization, most important first. */
public enum StrategicTier {
    STRATEGIC,
    PREFERRED,
    APPROVED,
    TACTICAL
}
