package org.opencio.procurement;

/** Where a purchase request stands. */
public enum PurchaseRequestStatus {
    /** Being written by the requester (also after an approver asked for changes). */
    DRAFT,
    /** Its amount is reserved in the budget and it waits on its approval steps. */
    SUBMITTED,
    APPROVED,
    REJECTED,
    /** Taken back by the requester. */
    WITHDRAWN
}
