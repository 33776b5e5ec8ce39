package org.opencio.budget;

/** What happens when a reservation or commitment would take a line over its plan. */
public enum SpendPolicy {
    /** Refused. */
    BLOCK,
    /** Allowed, with a warning to the requester and an alert to the owner. */
    WARN,
    /** Allowed only with an extra approval, which the requesting module obtains. */
    EXTRA_APPROVAL
}
