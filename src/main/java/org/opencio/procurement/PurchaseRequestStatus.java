package org.opencio.procurement;

/** Where a purchase request stands. */
public enum PurchaseRequestStatus {
    /** Being written by the requester (also after an approver asked for changes). */
    DRAFT,
    /** Its amount is reserved in the budget and it waits on its approval steps. */
    SUBMITTED,
    /** Every step approved; its amount stays reserved until an order commits it. */
    APPROVED,
    /** Its purchase order was placed: the money is committed. */
    ORDERED,
    /** Approved or ordered, then cancelled before anything was received or invoiced: its money went back. */
    CANCELLED,
    REJECTED,
    /** Taken back by the requester. */
    WITHDRAWN
}
