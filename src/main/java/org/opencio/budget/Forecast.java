package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Year-end forecast of a line: actual to date + what the rest of the year will cost. The rest is the larger of the open
 * commitments and reservations and the remaining months (as planned, or at the run-rate of the last three closed
 * months): open commitments are spent in those same months, so adding both would count the money twice — a
 * commitment for next month's planned purchase would forecast that purchase double.
 */
final class Forecast {

    static final int RUN_RATE_MONTHS = 3;

    private Forecast() {}

    /**
     * @param elapsed fiscal months closed so far (0 before the year, 12 after it)
     */
    static BigDecimal yearEnd(
            ForecastMethod method,
            BigDecimal[] planByMonth,
            BigDecimal[] actualByMonth,
            BigDecimal reserved,
            BigDecimal committed,
            BigDecimal actual,
            int elapsed,
            int scale) {
        BigDecimal remaining = BigDecimal.ZERO;
        if (elapsed < Phasing.MONTHS) {
            if (method == ForecastMethod.RUN_RATE && elapsed > 0) {
                int window = Math.min(RUN_RATE_MONTHS, elapsed);
                BigDecimal recent = BigDecimal.ZERO;
                for (int m = elapsed - window; m < elapsed; m++) {
                    recent = recent.add(actualByMonth[m]);
                }
                remaining = recent.divide(BigDecimal.valueOf(window), 8, RoundingMode.HALF_EVEN)
                        .multiply(BigDecimal.valueOf(Phasing.MONTHS - elapsed));
            } else {
                for (int m = elapsed; m < Phasing.MONTHS; m++) {
                    remaining = remaining.add(planByMonth[m]);
                }
            }
        }
        BigDecimal open = reserved.add(committed);
        return actual.add(open.max(remaining)).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
