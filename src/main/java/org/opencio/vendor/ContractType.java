package org.opencio.vendor;

/** What kind of agreement a contract is. */
public enum ContractType {
    LICENCE,
    SAAS_SUBSCRIPTION,
    SUPPORT_MAINTENANCE,
    SERVICES,
    LEASE,
    HARDWARE_WARRANTY,
    NDA,
    FRAMEWORK_AGREEMENT
}
