package org.opencio.vendor;

/** What a vendor mainly supplies. */
public enum VendorCategory {
    HARDWARE,
    SOFTWARE,
    SAAS,
    CLOUD,
    TELECOM,
    SERVICES,
    CONSULTING,
    OTHER
}
