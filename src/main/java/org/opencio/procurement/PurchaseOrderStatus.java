package org.opencio.procurement;

/** Where a purchase order stands. */
public enum PurchaseOrderStatus {
    /** Placed with the vendor; nothing received yet. */
    OPEN,
    /** Some goods received, not all. */
    PARTIALLY_RECEIVED,
    /** Every goods line received in full (services need no receipt). */
    RECEIVED,
    /** Invoiced in full, or closed by hand with what remained given back to the budget. */
    CLOSED,
    /** Cancelled before anything was received or invoiced: its commitment went back to the budget. */
    CANCELLED;

    boolean open() {
        return this == OPEN || this == PARTIALLY_RECEIVED || this == RECEIVED;
    }
}
