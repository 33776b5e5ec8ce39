package org.opencio.budget;

/** The stages money passes through after it is planned. */
public enum Stage {
    RESERVED,
    COMMITTED,
    ACTUAL
}
