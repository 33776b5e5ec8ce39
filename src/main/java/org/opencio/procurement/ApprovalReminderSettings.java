package org.opencio.procurement;

/**
 * When a pending approval step is followed up: its approvers (and their delegates) are reminded once it has waited
 * {@code remindAfterBusinessDays}, and the step is escalated to the next person up once it has waited
 * {@code escalateAfterBusinessDays} — business days in the organization's time zone, weekends skipped.
 */
public record ApprovalReminderSettings(int remindAfterBusinessDays, int escalateAfterBusinessDays, long version) {}
