package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.util.UUID;

/** What an import recorded on one budget line, over all months, and from how many rows. */
public record ImportLineTotal(UUID lineId, String lineCode, boolean unallocated, BigDecimal amount, long rows) {}
