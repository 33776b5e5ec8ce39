package org.opencio.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A budget line as entered: give {@code amount} for an equal split over the twelve months, or {@code months} (twelve
 * amounts, first fiscal month first) for an explicit phasing, e.g. pasted from a spreadsheet.
 */
public record SaveBudgetLine(
        @Nullable String code,
        @Nullable String description,
        @Nullable UUID departmentId,
        @Nullable UUID costPoolId,
        @Nullable UUID towerId,
        @Nullable ExpenseType expenseType,
        @Nullable UUID vendorId,
        @Nullable UUID ownerId,
        @Nullable SpendPolicy policy,
        @Nullable ForecastMethod forecastMethod,
        @Nullable BigDecimal amount,
        @Nullable List<BigDecimal> months) {}
