package org.opencio.budget;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A new budget; {@code warnPercent} (default 80) is where lines start warning. */
public record CreateBudget(@Nullable Integer fiscalYear, @Nullable String name, @Nullable BigDecimal warnPercent) {}
