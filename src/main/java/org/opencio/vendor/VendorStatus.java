package org.opencio.vendor;

/** Where a vendor stands with the organization. */
public enum VendorStatus {
    PROSPECT,
    ACTIVE,
    INACTIVE
}
