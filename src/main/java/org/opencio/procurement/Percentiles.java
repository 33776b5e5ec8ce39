package org.opencio.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * The summary of a set of durations: the median (the mean of the two middle values for an even count) and the 90th
 * percentile by the nearest-rank method (the smallest value that at least 90% of the values do not exceed), in hours.
 */
final class Percentiles {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private Percentiles() {}

    static CycleTimeReport.Stat ofSeconds(Collection<Long> seconds) {
        if (seconds.isEmpty()) {
            return new CycleTimeReport.Stat(0, null, null);
        }
        long[] sorted = seconds.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        BigDecimal median = n % 2 == 1
                ? BigDecimal.valueOf(sorted[n / 2])
                : BigDecimal.valueOf(sorted[n / 2 - 1]).add(BigDecimal.valueOf(sorted[n / 2])).divide(BigDecimal.TWO);
        // ceil(0.9 n) in whole numbers, so that no rounding of 0.9 moves the rank
        int rank = (9 * n + 9) / 10;
        BigDecimal p90 = BigDecimal.valueOf(sorted[Math.max(rank, 1) - 1]);
        return new CycleTimeReport.Stat(n, hours(median), hours(p90));
    }

    private static BigDecimal hours(BigDecimal seconds) {
        return seconds.divide(SECONDS_PER_HOUR, 1, RoundingMode.HALF_EVEN);
    }
}
