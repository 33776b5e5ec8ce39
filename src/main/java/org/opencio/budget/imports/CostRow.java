package org.opencio.budget.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One cost row of an imported file, as far as the budget cares: when, how much, and what mapping rules look at.
 * {@code billed}, {@code effective} and {@code list} are as the file gives them, in {@code currency}; {@code rate}
 * converts them into the budget's currency (null when the file's currency is the budget's). {@code amount} is what the
 * budget records: the import's measure (BilledCost unless EffectiveCost was chosen), converted, not yet rounded.
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
        @Nullable String chargeCategory,
        String currency,
        @Nullable BigDecimal rate,
        BigDecimal amount) {

    /** An amount of the row in the budget's currency: exact, rounded only when stored. */
    BigDecimal converted(BigDecimal original) {
        return rate == null ? original : original.multiply(rate);
    }
}
