package org.opencio.vendor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** New contract settings: the expiring window (0–365 days) and one to ten reminder thresholds (1–365 days). */
public record UpdateContractSettings(@Nullable Integer expiringWindowDays, @Nullable List<Integer> reminderDays) {}
