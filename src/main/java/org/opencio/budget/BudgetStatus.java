package org.opencio.budget;

/** Draft → submitted → approved; an approved budget is locked and changes only through revisions. */
public enum BudgetStatus {
    DRAFT,
    SUBMITTED,
    APPROVED
}
