package org.opencio.asset;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Straight-line depreciation: the cost is written down evenly, day by day, to zero over the lifetime. */
final class Depreciation {

    private Depreciation() {}

    /** The book value on {@code day}; null when the cost, purchase date or end of the lifetime is unknown. */
    static @Nullable BigDecimal bookValue(@Nullable BigDecimal cost, @Nullable LocalDate purchasedOn, @Nullable LocalDate end, LocalDate day) {
        if (cost == null || purchasedOn == null || end == null || !end.isAfter(purchasedOn)) {
            return null;
        }
        if (!day.isAfter(purchasedOn)) {
            return cost.setScale(2, RoundingMode.HALF_EVEN);
        }
        if (!day.isBefore(end)) {
            return BigDecimal.ZERO.setScale(2);
        }
        long total = ChronoUnit.DAYS.between(purchasedOn, end);
        long left = ChronoUnit.DAYS.between(day, end);
        return cost.multiply(BigDecimal.valueOf(left)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
    }
}
