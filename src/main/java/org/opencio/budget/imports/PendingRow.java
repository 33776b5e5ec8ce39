package org.opencio.budget.imports;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A read row on its way into the database: the line and month it counts for, and the rule that chose the line. */
record PendingRow(CostRow row, UUID lineId, @Nullable UUID ruleId, int fiscalMonth) {}
