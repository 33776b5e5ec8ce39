package org.opencio.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget line with its four stages side by side, the plan and actuals per fiscal month, the year-end forecast and
 * the forecast variance (plan − forecast; negative means a projected overspend). {@code vendorName} is the vendor's name
 * in the vendor register, absent when the line names no vendor or the register does not know it.
 */
public record BudgetLineView(
        UUID id,
        UUID budgetId,
        String code,
        String description,
        @Nullable UUID departmentId,
        @Nullable String departmentName,
        @Nullable UUID costPoolId,
        @Nullable String costPoolName,
        @Nullable UUID towerId,
        @Nullable String towerName,
        ExpenseType expenseType,
        @Nullable UUID vendorId,
        @Nullable String vendorName,
        @Nullable UUID ownerId,
        @Nullable String ownerName,
        SpendPolicy policy,
        ForecastMethod forecastMethod,
        boolean unallocated,
        BigDecimal originalPlan,
        BigDecimal plan,
        BigDecimal reserved,
        BigDecimal committed,
        BigDecimal actual,
        BigDecimal available,
        BigDecimal forecast,
        BigDecimal forecastVariance,
        String alertLevel,
        List<BigDecimal> planByMonth,
        List<BigDecimal> actualByMonth,
        long version) {}
