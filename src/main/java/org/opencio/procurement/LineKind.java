package org.opencio.procurement;

/** What a line of a purchase request buys. */
public enum LineKind {
    GOODS,
    SERVICE
}
