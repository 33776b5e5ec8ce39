package org.opencio.budget.imports;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Cost of an import that no rule placed, grouped by where it came from: the material for a new mapping rule. */
public record UnallocatedGroup(
        @Nullable String provider, @Nullable String service, @Nullable String subAccount, @Nullable String account, long rows, BigDecimal amount) {}
