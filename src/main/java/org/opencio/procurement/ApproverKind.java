package org.opencio.procurement;

/** Whom an approval rule asks. */
public enum ApproverKind {
    /** Every active member with a role (e.g. the CIOs). */
    ROLE,
    /** The head of the requester's department. */
    DEPARTMENT_HEAD,
    /** The owner of the budget line the request is charged to. */
    BUDGET_LINE_OWNER,
    /** One named person. */
    PERSON,
    /**
     * Up the requester's department tree, head by head, to the first whose approval limit covers the amount; the CIOs
     * when nobody's does.
     */
    LIMIT_CHAIN
}
