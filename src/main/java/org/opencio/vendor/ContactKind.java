package org.opencio.vendor;

/** What a vendor contact is for. */
public enum ContactKind {
    ACCOUNT_MANAGER,
    SUPPORT,
    BILLING,
    TECHNICAL,
    OTHER
}
