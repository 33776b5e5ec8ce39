package org.opencio.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.Money;

/**
 * The date arithmetic of contracts, exact across month ends and leap years. All dates are calendar dates in the
 * organization's time zone; a term runs from its start date to its end date, both included.
 *
 * <ul>
 *   <li><b>Notice deadline</b>: the last day notice can be given, the end date minus the notice period. Days are
 *       subtracted as days; months with {@link LocalDate#minusMonths}, which keeps the day of the month and clamps it
 *       at the end of a shorter month (3 months before 31 May 2028 is 29 February 2028, before 31 May 2027 it is 28
 *       February 2027). An auto-renewing contract without a notice period can be cancelled until its end date, which
 *       is then its deadline; a contract that does not renew and has no notice period has none.
 *   <li><b>Next renewal date</b>: the day after the end date, for auto-renewing contracts.
 *   <li><b>A renewed term</b> starts the day after the previous one ends and ends {@code n} months after the previous
 *       end, keeping to month ends: a term ending on the last day of a month is followed by terms ending on last days
 *       (28 Feb 2031 → 29 Feb 2032), any other end day is kept (clamped when the month is shorter).
 *   <li><b>Term length</b> is a whole number of months when the term ends where a renewal by that many months from
 *       the day before its start would end; otherwise it is counted in days.
 * </ul>
 */
public final class ContractDates {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

    private ContractDates() {}

    public static @Nullable LocalDate noticeDeadline(
            @Nullable LocalDate end, @Nullable Integer noticeAmount, @Nullable NoticeUnit noticeUnit, boolean autoRenew) {
        if (end == null) {
            return null;
        }
        boolean hasNotice = noticeAmount != null && noticeAmount > 0 && noticeUnit != null;
        if (!hasNotice) {
            return autoRenew ? end : null;
        }
        return switch (noticeUnit) {
            case DAYS -> end.minusDays(noticeAmount);
            case MONTHS -> end.minusMonths(noticeAmount);
        };
    }

    public static @Nullable LocalDate nextRenewalDate(@Nullable LocalDate end, boolean autoRenew) {
        return end != null && autoRenew ? end.plusDays(1) : null;
    }

    /** The end of the term that follows one ending on {@code previousEnd}, {@code months} long (month-end rule). */
    public static LocalDate renewedEnd(LocalDate previousEnd, int months) {
        if (months < 1) {
            throw new IllegalArgumentException("a term lasts at least one month");
        }
        LocalDate end = previousEnd.plusMonths(months);
        boolean monthEnd = previousEnd.getDayOfMonth() == previousEnd.lengthOfMonth();
        return monthEnd ? end.withDayOfMonth(end.lengthOfMonth()) : end;
    }

    /** The end of a term of {@code days} days that follows one ending on {@code previousEnd}. */
    public static LocalDate renewedEndByDays(LocalDate previousEnd, long days) {
        return previousEnd.plusDays(days);
    }

    /** The term's length in whole months, or empty when it is not a whole number of months. */
    public static OptionalInt wholeMonths(LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            return OptionalInt.empty();
        }
        LocalDate before = start.minusDays(1);
        long approx = ChronoUnit.MONTHS.between(before, end);
        for (long n = Math.max(1, approx); n <= approx + 1; n++) {
            if (renewedEnd(before, (int) n).equals(end)) {
                return OptionalInt.of((int) n);
            }
        }
        return OptionalInt.empty();
    }

    /** The days of a term, both ends included. */
    public static long days(LocalDate start, LocalDate end) {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /**
     * The value of one year of the term: the total × 12 ÷ months for a term of whole months, the total × 365 ÷ days
     * otherwise, the total itself for a contract without an end date. Rounded half-even to the currency's minor unit
     * (cents; none for JPY).
     */
    public static BigDecimal annualValue(BigDecimal total, LocalDate start, @Nullable LocalDate end, String currency) {
        int scale = Money.fractionDigits(currency);
        if (end == null || end.isBefore(start)) {
            return total.setScale(scale, RoundingMode.HALF_EVEN);
        }
        OptionalInt months = wholeMonths(start, end);
        if (months.isPresent()) {
            return total.multiply(TWELVE).divide(BigDecimal.valueOf(months.getAsInt()), scale, RoundingMode.HALF_EVEN);
        }
        return total.multiply(DAYS_PER_YEAR).divide(BigDecimal.valueOf(days(start, end)), scale, RoundingMode.HALF_EVEN);
    }

    /**
     * The date a contract needs a decision by: its notice deadline, or, for a contract that simply ends, its end date.
     * Reminders count down to it; the expiring window looks at it.
     */
    public static @Nullable LocalDate decisionDate(@Nullable LocalDate noticeDeadline, @Nullable LocalDate end, boolean autoRenew) {
        if (noticeDeadline != null) {
            return noticeDeadline;
        }
        return autoRenew ? null : end;
    }

    /**
     * Whether a contract in force counts as expiring on {@code today}: its decision date (the notice deadline of an
     * auto-renewing contract, the end date of one that ends) lies between today and {@code windowDays} ahead, both
     * included. Once an auto-renewing contract's deadline has passed it will renew, and is no longer expiring.
     */
    public static boolean expiring(@Nullable LocalDate noticeDeadline, @Nullable LocalDate end, boolean autoRenew, LocalDate today, int windowDays) {
        LocalDate watched = autoRenew ? noticeDeadline : end;
        return watched != null && !watched.isBefore(today) && !watched.isAfter(today.plusDays(windowDays));
    }

    /**
     * The reminder due on {@code today} for a deadline: the smallest threshold (days before) already reached, so that
     * a job that missed days sends only the latest one. Empty before the first threshold and after the deadline.
     */
    public static OptionalInt dueReminder(LocalDate deadline, LocalDate today, Collection<Integer> thresholds) {
        long left = ChronoUnit.DAYS.between(today, deadline);
        if (left < 0) {
            return OptionalInt.empty();
        }
        return thresholds.stream().mapToInt(Integer::intValue).filter(t -> t >= left).min();
    }
}
