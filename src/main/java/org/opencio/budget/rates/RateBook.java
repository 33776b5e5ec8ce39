package org.opencio.budget.rates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An organization's exchange rates into one currency, read once for the many conversions of an import: the rate of a
 * currency on a date is the one with the latest valid-from date on or before it.
 */
public final class RateBook {

    private final String target;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> rates = new HashMap<>();

    RateBook(String target) {
        this.target = target;
    }

    void add(String currency, LocalDate validFrom, BigDecimal rate) {
        rates.computeIfAbsent(currency, c -> new TreeMap<>()).put(validFrom, rate);
    }

    /** The currency the book converts into. */
    public String target() {
        return target;
    }

    /** How many units of the target one unit of {@code currency} is worth on {@code date}; null when no rate covers it. */
    public @Nullable BigDecimal rateOn(String currency, LocalDate date) {
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(currency);
        if (byDate == null) {
            return null;
        }
        Map.Entry<LocalDate, BigDecimal> entry = byDate.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }

    /** The first date a rate of {@code currency} is valid, or null when there is none: for the reason of a refusal. */
    public @Nullable LocalDate firstDate(String currency) {
        NavigableMap<LocalDate, BigDecimal> byDate = rates.get(currency);
        return byDate == null || byDate.isEmpty() ? null : byDate.firstKey();
    }

    /** Why an amount in {@code currency} on {@code date} cannot be converted: no rate at all, or none yet on that date. */
    public String missing(String currency, LocalDate date) {
        LocalDate first = firstDate(currency);
        return first == null
                ? "there is no exchange rate from " + currency + " to " + target + "; add one under Budget › Exchange rates"
                : "the first exchange rate from " + currency + " to " + target + " is valid from " + first + ", after " + date;
    }
}
