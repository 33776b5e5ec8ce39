package org.opencio.vendor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The period a review covers: a year ("2026"), a half ("2026-H2"), a quarter ("2026-Q3") or a month ("2026-09"), with
 * its first and last day. Calendar periods: reviews follow the vendor relationship, not the fiscal year.
 */
public record ReviewPeriod(String label, LocalDate start, LocalDate end) {

    private static final Pattern FORM = Pattern.compile("^(\\d{4})(?:-(?:(H[12])|(Q[1-4])|(0[1-9]|1[0-2])))?$");

    /** The period a label names, if it names one (case and surrounding blanks do not matter). */
    public static Optional<ReviewPeriod> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            return Optional.empty();
        }
        if (m.group(2) != null) {
            int half = m.group(2).charAt(1) - '0';
            YearMonth first = YearMonth.of(year, half == 1 ? 1 : 7);
            return Optional.of(new ReviewPeriod(year + "-H" + half, first.atDay(1), first.plusMonths(5).atEndOfMonth()));
        }
        if (m.group(3) != null) {
            int quarter = m.group(3).charAt(1) - '0';
            YearMonth first = YearMonth.of(year, quarter * 3 - 2);
            return Optional.of(new ReviewPeriod(year + "-Q" + quarter, first.atDay(1), first.plusMonths(2).atEndOfMonth()));
        }
        if (m.group(4) != null) {
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(4)));
            return Optional.of(new ReviewPeriod(month.toString(), month.atDay(1), month.atEndOfMonth()));
        }
        return Optional.of(new ReviewPeriod(Integer.toString(year), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /** The quarter a day falls in, the usual period of a new review. */
    public static ReviewPeriod quarterOf(LocalDate day) {
        return parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1)).orElseThrow();
    }
}
