package org.opencio.procurement;

/** Where an invoice stands. */
public enum InvoiceStatus {
    /** Within tolerance of the order (and the receipts, for goods): recorded as actual in the budget. */
    MATCHED,
    /** Outside tolerance: waits for someone to accept or reject it; nothing is in the budget yet. */
    MISMATCH,
    /** A mismatch accepted with a reason: recorded as actual in the budget. */
    ACCEPTED,
    /** A mismatch refused with a reason: not paid, not in the budget. */
    REJECTED;

    /** Whether the invoice counts against its order (its quantities are invoiced, its money spent). */
    boolean counts() {
        return this == MATCHED || this == ACCEPTED;
    }
}
