package org.opencio.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencio.shared.InvalidInputException;

/** Equal splits that add up to the amount to the minor unit, and the checks on months entered one by one. */
class PhasingTests {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.01", "0.11", "0.12", "0.13", "1", "11.99", "1000", "1000.00", "83.33", "999999.99", "1000000.07",
        "123456789012.34"})
    void anEqualSplitAddsUpToTheAmountToTheCent(String value) {
        BigDecimal amount = new BigDecimal(value);
        BigDecimal[] months = Phasing.equal(amount, "EUR");

        assertThat(months).hasSize(12);
        assertThat(Phasing.sum(months)).isEqualByComparingTo(amount);
        assertThat(months).allSatisfy(m -> assertThat(m.scale()).isEqualTo(2));
        assertEvenlySpread(months, new BigDecimal("0.01"));
    }

    @Test
    void randomAmountsAlwaysSplitExactly() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 5_000; i++) {
            // Cents from 0 up to ten billion euros, biased towards small amounts where remainders matter most.
            long cents = switch (i % 3) {
                case 0 -> random.nextInt(1_000);
                case 1 -> random.nextInt(10_000_000);
                default -> Math.floorMod(random.nextLong(), 1_000_000_000_000L);
            };
            BigDecimal amount = BigDecimal.valueOf(cents, 2);
            BigDecimal[] months = Phasing.equal(amount, "EUR");
            assertThat(Phasing.sum(months)).as("months of %s", amount).isEqualByComparingTo(amount);
            assertEvenlySpread(months, new BigDecimal("0.01"));
        }
    }

    @Test
    void theRemainderGoesToTheFirstMonths() {
        BigDecimal[] months = Phasing.equal(new BigDecimal("1000"), "EUR");

        assertThat(Arrays.copyOfRange(months, 0, 4)).containsOnly(new BigDecimal("83.34"));
        assertThat(Arrays.copyOfRange(months, 4, 12)).containsOnly(new BigDecimal("83.33"));
        assertThat(Phasing.equal(new BigDecimal("0.11"), "EUR"))
                .containsExactly(dec("0.01"), dec("0.01"), dec("0.01"), dec("0.01"), dec("0.01"), dec("0.01"), dec("0.01"),
                        dec("0.01"), dec("0.01"), dec("0.01"), dec("0.01"), dec("0.00"));
    }

    @Test
    void yenHasNoMinorUnit() {
        BigDecimal[] months = Phasing.equal(new BigDecimal("1000"), "JPY");

        assertThat(months).allSatisfy(m -> assertThat(m.scale()).isZero());
        assertThat(Arrays.copyOfRange(months, 0, 4)).containsOnly(new BigDecimal("84"));
        assertThat(Arrays.copyOfRange(months, 4, 12)).containsOnly(new BigDecimal("83"));
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(100_000_000));
            assertThat(Phasing.sum(Phasing.equal(amount, "JPY"))).isEqualByComparingTo(amount);
            assertEvenlySpread(Phasing.equal(amount, "JPY"), BigDecimal.ONE);
        }
    }

    @Test
    void threeDecimalCurrenciesSplitToTheFils() {
        BigDecimal[] months = Phasing.equal(new BigDecimal("1.001"), "KWD");

        assertThat(Phasing.sum(months)).isEqualByComparingTo("1.001");
        assertThat(months[0]).isEqualByComparingTo("0.084");
        assertThat(months[11]).isEqualByComparingTo("0.083");
    }

    @Test
    void spreadSplitsARevisionOverTheRemainingMonths() {
        BigDecimal[] parts = Phasing.spread(new BigDecimal("100.00"), 3, "EUR");

        assertThat(parts).containsExactly(dec("33.34"), dec("33.33"), dec("33.33"));
        assertThat(Phasing.spread(new BigDecimal("0.05"), 12, "EUR")).filteredOn(p -> p.signum() > 0).hasSize(5);
        assertThat(Phasing.spread(new BigDecimal("7"), 1, "EUR")).containsExactly(dec("7.00"));
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            int count = 1 + random.nextInt(12);
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
            BigDecimal[] spread = Phasing.spread(amount, count, "EUR");
            assertThat(spread).hasSize(count);
            assertThat(Phasing.sum(spread)).as("%s over %d months", amount, count).isEqualByComparingTo(amount);
            assertEvenlySpread(spread, new BigDecimal("0.01"));
        }
    }

    @Test
    void monthsAsEnteredAreKeptToTheMinorUnit() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, new BigDecimal("10")));
        values.set(3, new BigDecimal("12.5"));
        values.set(11, new BigDecimal("0.10"));

        BigDecimal[] months = Phasing.perMonth(values, "EUR");

        assertThat(months[3]).isEqualTo(dec("12.50"));
        assertThat(months[11]).isEqualTo(dec("0.10"));
        assertThat(Phasing.sum(months)).isEqualByComparingTo("112.60");
        // Trailing zeros beyond the minor unit are no extra precision.
        values.set(0, new BigDecimal("10.0000"));
        assertThat(Phasing.perMonth(values, "EUR")[0]).isEqualTo(dec("10.00"));
    }

    @Test
    void aNegativeMonthIsRefusedNamingTheMonth() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, BigDecimal.TEN));
        values.set(4, new BigDecimal("-0.01"));

        assertThatThrownBy(() -> Phasing.perMonth(values, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months[4]"));
    }

    @Test
    void aMonthWithMoreDecimalsThanTheCurrencyIsRefusedNamingTheMonth() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, BigDecimal.TEN));
        values.set(7, new BigDecimal("10.005"));
        assertThatThrownBy(() -> Phasing.perMonth(values, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months[7]"));

        List<BigDecimal> yen = new ArrayList<>(Collections.nCopies(12, BigDecimal.TEN));
        yen.set(0, new BigDecimal("10.5"));
        assertThatThrownBy(() -> Phasing.perMonth(yen, "JPY"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months[0]"));
    }

    @Test
    void aMissingMonthIsRefusedAsRequired() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, BigDecimal.TEN));
        values.set(2, null);

        assertThatThrownBy(() -> Phasing.perMonth(values, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.byField()).containsOnlyKeys("months[2]");
                    assertThat(e.errors().getFirst().code()).isEqualTo("required");
                });
    }

    @Test
    void aMonthTooLargeToStoreIsRefusedNamingTheMonth() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, BigDecimal.TEN));
        values.set(1, new BigDecimal("1000000000000000"));

        assertThatThrownBy(() -> Phasing.perMonth(values, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsKey("months[1]"));
    }

    @Test
    void monthsThatTogetherAreTooLargeToStoreAreRefused() {
        List<BigDecimal> values = new ArrayList<>(Collections.nCopies(12, new BigDecimal("999999999999999")));

        assertThatThrownBy(() -> Phasing.perMonth(values, "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months"));
    }

    @Test
    void elevenOrThirteenMonthsAreRefused() {
        assertThatThrownBy(() -> Phasing.perMonth(Collections.nCopies(11, BigDecimal.ONE), "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months"));
        assertThatThrownBy(() -> Phasing.perMonth(Collections.nCopies(13, BigDecimal.ONE), "EUR"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.byField()).containsOnlyKeys("months"));
    }

    /** No two months differ by more than one minor unit, and larger parts come first. */
    private static void assertEvenlySpread(BigDecimal[] parts, BigDecimal unit) {
        BigDecimal max = Arrays.stream(parts).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal min = Arrays.stream(parts).min(BigDecimal::compareTo).orElseThrow();
        assertThat(max.subtract(min)).isLessThanOrEqualTo(unit);
        for (int i = 1; i < parts.length; i++) {
            assertThat(parts[i]).isLessThanOrEqualTo(parts[i - 1]);
        }
        assertThat(parts).allSatisfy(p -> assertThat(p.signum()).isNotNegative());
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
