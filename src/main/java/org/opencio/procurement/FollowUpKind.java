package org.opencio.procurement;

/** What the reminder job did to a waiting approval step: reminded its approvers, or escalated it to the next person up. */
public enum FollowUpKind {
    REMINDER,
    ESCALATION
}
