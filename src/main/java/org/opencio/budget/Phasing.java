package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.Money;

/** Spreads a yearly amount over the twelve fiscal months so that the months add up to the amount exactly. */
final class Phasing {

    static final int MONTHS = 12;

    private static final int MAX_DIGITS = 15;

    private Phasing() {}

    /**
     * Equal parts in the currency's minor unit; the remaining minor units go one each to the first months
     * (1,000.00 over 12 → 83.34 × 4 and 83.33 × 8).
     */
    static BigDecimal[] equal(BigDecimal amount, String currency) {
        return spread(amount, MONTHS, currency);
    }

    /** {@code amount} (zero or more) in {@code count} parts that add up to it exactly, larger parts first. */
    static BigDecimal[] spread(BigDecimal amount, int count, String currency) {
        int scale = Money.fractionDigits(currency);
        BigDecimal total = amount.setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal base = total.divide(BigDecimal.valueOf(count), scale, RoundingMode.DOWN);
        int extra = total.subtract(base.multiply(BigDecimal.valueOf(count)))
                .divide(unit, 0, RoundingMode.UNNECESSARY)
                .intValueExact();
        BigDecimal[] parts = new BigDecimal[count];
        for (int i = 0; i < count; i++) {
            parts[i] = i < extra ? base.add(unit) : base;
        }
        return parts;
    }

    /** Amounts entered (or pasted) per month; each is checked and rounded to the currency's minor unit. */
    static BigDecimal[] perMonth(List<BigDecimal> values, String currency) {
        if (values.size() != MONTHS) {
            throw InvalidInputException.of("months", "months", "months must have exactly 12 amounts, one per fiscal month");
        }
        int scale = Money.fractionDigits(currency);
        BigDecimal[] months = new BigDecimal[MONTHS];
        for (int i = 0; i < MONTHS; i++) {
            BigDecimal v = values.get(i);
            if (v == null) {
                throw InvalidInputException.of("months[" + i + "]", "required", "month " + (i + 1) + " is required");
            }
            if (v.signum() < 0) {
                throw InvalidInputException.of("months[" + i + "]", "negative", "month " + (i + 1) + " must be zero or more");
            }
            if (v.stripTrailingZeros().scale() > scale) {
                throw InvalidInputException.of(
                        "months[" + i + "]", "precision", "month " + (i + 1) + " has more decimals than " + currency + " allows");
            }
            if (tooLarge(v)) {
                throw InvalidInputException.of(
                        "months[" + i + "]", "money", "month " + (i + 1) + " must have at most " + MAX_DIGITS + " digits before the decimal point");
            }
            months[i] = v.setScale(scale, RoundingMode.UNNECESSARY);
        }
        // The plan of the year is stored too, so the months together must fit as well.
        if (tooLarge(sum(months))) {
            throw InvalidInputException.of("months", "money", "the months together must stay below 10^" + MAX_DIGITS);
        }
        return months;
    }

    /** Money columns are numeric(19, 4): at most 15 digits before the decimal point. */
    private static boolean tooLarge(BigDecimal value) {
        return value.precision() - value.scale() > MAX_DIGITS;
    }

    static BigDecimal sum(BigDecimal[] months) {
        return Arrays.stream(months).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
