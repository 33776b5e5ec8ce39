package org.opencio.budget;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A budget's (or one line's) money by fiscal month, cumulative: the plan, the actual spend, and the actual spend plus
 * what is reserved and committed at the end of each month. {@code currentMonth} is the fiscal month of today (0
 * before the year, 13 after it); spend series stop there, later months are null.
 */
public record BurnView(
        List<YearMonth> months,
        List<BigDecimal> plan,
        List<BigDecimal> planCumulative,
        List<BigDecimal> actual,
        List<@Nullable BigDecimal> actualCumulative,
        List<@Nullable BigDecimal> committedCumulative,
        int currentMonth,
        BigDecimal forecast) {}
