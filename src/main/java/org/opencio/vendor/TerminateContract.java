package org.opencio.vendor;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Notice given: why, and the day the contract ends (by default the end of the current term, or today without one). */
public record TerminateContract(@Nullable String reason, @Nullable LocalDate effectiveDate) {}
