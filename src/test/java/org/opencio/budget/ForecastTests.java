package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Year-end forecast = actual + reserved + committed + what the remaining months cost, either as planned or at the
 * run-rate of the last (up to) three closed months.
 */
class ForecastTests {

    /** Plan 100 a month; actual 50, 70, 90, 110, 130, … by month. */
    private static final BigDecimal[] PLAN = months(i -> "100");
    private static final BigDecimal[] ACTUAL_BY_MONTH = months(i -> String.valueOf(50 + 20 * i));

    @ParameterizedTest(name = "remaining plan after {0} months: {1}")
    @CsvSource({"0, 1200", "1, 1100", "3, 900", "5, 700", "11, 100", "12, 0"})
    void theRemainingPlanIsWhatIsLeftOfThePlannedMonths(int elapsed, String remaining) {
        BigDecimal actual = sumOfFirst(elapsed);

        BigDecimal forecast = Forecast.yearEnd(ForecastMethod.REMAINING_PLAN, PLAN, ACTUAL_BY_MONTH, new BigDecimal("40"),
                new BigDecimal("60"), actual, elapsed, 2);

        // Open money (40 reserved + 60 committed) is spent in the remaining months, so it counts only where it is larger.
        assertThat(forecast).isEqualTo(actual.add(new BigDecimal("100").max(new BigDecimal(remaining))).setScale(2));
    }

    @ParameterizedTest(name = "run-rate after {0} months: {1}")
    @CsvSource({
        // No month closed yet: there is no pace to project, so the plan stands.
        "0, 1200",
        // One month: 50 × 11.
        "1, 550",
        // Three months: (50 + 70 + 90) / 3 × 9.
        "3, 630",
        // Five months: only the last three count, (90 + 110 + 130) / 3 × 7.
        "5, 770",
        // After the year, nothing remains.
        "12, 0"
    })
    void theRunRateProjectsTheLastThreeClosedMonths(int elapsed, String remaining) {
        BigDecimal actual = sumOfFirst(elapsed);

        BigDecimal forecast = Forecast.yearEnd(ForecastMethod.RUN_RATE, PLAN, ACTUAL_BY_MONTH, new BigDecimal("40"),
                new BigDecimal("60"), actual, elapsed, 2);

        // Open money (40 reserved + 60 committed) is spent in the remaining months, so it counts only where it is larger.
        assertThat(forecast).isEqualTo(actual.add(new BigDecimal("100").max(new BigDecimal(remaining))).setScale(2));
    }

    @Test
    void aRunRateThatDoesNotDivideEvenlyIsRoundedOnceAtTheEnd() {
        BigDecimal[] actualByMonth = months(i -> i < 3 ? (i == 0 ? "100" : "0") : "0");

        // 100 / 3 × 9 = 300, not 33.33 × 9 = 299.97.
        BigDecimal forecast = Forecast.yearEnd(ForecastMethod.RUN_RATE, PLAN, actualByMonth, BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("100"), 3, 2);

        assertThat(forecast).isEqualTo(new BigDecimal("400.00"));
        assertThat(Forecast.yearEnd(ForecastMethod.RUN_RATE, PLAN, actualByMonth, BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("100"), 3, 0))
                .isEqualTo(new BigDecimal("400"));
    }

    @Test
    void twelveElapsedMonthsLeaveOnlyWhatWasSpentAndIsStillOpen() {
        BigDecimal actual = sumOfFirst(12);

        for (ForecastMethod method : ForecastMethod.values()) {
            assertThat(Forecast.yearEnd(method, PLAN, ACTUAL_BY_MONTH, new BigDecimal("5"), new BigDecimal("7"), actual, 12, 2))
                    .as(method.name())
                    .isEqualTo(actual.add(new BigDecimal("12")).setScale(2));
        }
    }

    @Test
    void aLineWithNoSpendingForecastsItsPlanOrNothing() {
        BigDecimal[] none = months(i -> "0");

        assertThat(Forecast.yearEnd(ForecastMethod.REMAINING_PLAN, PLAN, none, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 4, 2))
                .isEqualTo(new BigDecimal("800.00"));
        assertThat(Forecast.yearEnd(ForecastMethod.RUN_RATE, PLAN, none, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 4, 2))
                .isEqualTo(new BigDecimal("0.00"));
    }

    private static BigDecimal sumOfFirst(int months) {
        return Arrays.stream(ACTUAL_BY_MONTH, 0, months).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal[] months(java.util.function.IntFunction<String> value) {
        BigDecimal[] months = new BigDecimal[12];
        for (int i = 0; i < 12; i++) {
            months[i] = new BigDecimal(value.apply(i));
        }
        return months;
    }
}
