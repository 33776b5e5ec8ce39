package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One cost row of an imported file, as far as the budget cares: when, how much, and what mapping rules look at. The
 * billed amount is what the budget records (cash actuals); effective and list cost are kept with the row.
 */
record CostRow(
        long line,
        String dedupeKey,
        LocalDate date,
        BigDecimal billed,
        @Nullable BigDecimal effective,
        @Nullable BigDecimal list,
        @Nullable String provider,
        @Nullable String service,
        @Nullable String subAccountId,
        @Nullable String subAccountName,
        @Nullable String tags,
        @Nullable String account,
        @Nullable String lineCode,
        @Nullable String chargeCategory) {}
