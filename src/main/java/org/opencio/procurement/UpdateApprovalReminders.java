package org.opencio.procurement;

import org.jspecify.annotations.Nullable;

/** New reminder settings: remind after 1–30 business days, escalate after 2–60, later than the reminder. */
public record UpdateApprovalReminders(@Nullable Integer remindAfterBusinessDays, @Nullable Integer escalateAfterBusinessDays) {}
