package org.opencio.platform.audit;

import org.jspecify.annotations.Nullable;

/** The result of recomputing an organization's chain: intact, or the first event where it breaks and why. */
public record AuditVerification(boolean intact, long eventsChecked, @Nullable Long firstBrokenSeq, @Nullable String reason) {}
