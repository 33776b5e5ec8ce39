package org.opencio.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget with its totals across lines. The fiscal year runs from {@code starts} to {@code ends} (inclusive). */
public record BudgetView(
        UUID id,
        int fiscalYear,
        String name,
        String currency,
        LocalDate starts,
        LocalDate ends,
        BudgetStatus status,
        BigDecimal warnPercent,
        BigDecimal originalPlan,
        BigDecimal plan,
        BigDecimal reserved,
        BigDecimal committed,
        BigDecimal actual,
        BigDecimal available,
        int lines,
        @Nullable Instant approvedAt,
        long version) {}
