package org.opencio.procurement;

/** Where a version of the approval policy stands. */
public enum PolicyStatus {
    /** Being edited; applies to nothing yet. */
    DRAFT,
    /** In force from its effective date until a later published version takes over; never changed again. */
    PUBLISHED,
    /** Abandoned before publication. */
    DISCARDED
}
