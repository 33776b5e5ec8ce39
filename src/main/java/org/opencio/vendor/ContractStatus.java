package org.opencio.vendor;

/**
 * Where a contract term stands. DRAFT until activated; ACTIVE while in force; EXPIRING while its notice deadline
 * (auto-renewing) or end date (otherwise) lies within the organization's expiring window; RENEWED once a next term
 * follows it; TERMINATED when notice was given (it ends on its termination date); EXPIRED after its end date without
 * renewal.
 */
public enum ContractStatus {
    DRAFT,
    ACTIVE,
    EXPIRING,
    RENEWED,
    TERMINATED,
    EXPIRED;

    /** Whether the term binds the organization now: active or about to expire. */
    public boolean inForce() {
        return this == ACTIVE || this == EXPIRING;
    }
}
