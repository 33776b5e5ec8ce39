package org.opencio.procurement;

/** What an invoice is matched against. */
public enum MatchKind {
    /** Order and invoice: services, which are not received. */
    TWO_WAY,
    /** Order, goods receipt and invoice: an invoice pays for no more goods than arrived. */
    THREE_WAY
}
