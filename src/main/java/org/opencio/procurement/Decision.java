package org.opencio.procurement;

/** What an approver decided on a step. */
public enum Decision {
    APPROVED,
    REJECTED,
    CHANGES_REQUESTED
}
