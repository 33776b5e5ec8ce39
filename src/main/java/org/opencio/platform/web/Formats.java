package org.opencio.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Component;

/** Money, dates and times in the current organization's locale and time zone, for templates ({@code @fmt}). */
@Component("fmt")
public class Formats {

    public String money(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(locale());
        if (currency != null) {
            Currency c = Currency.getInstance(currency);
            format.setCurrency(c);
            format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() <= 0 ? 0 : c.getDefaultFractionDigits());
            format.setMinimumFractionDigits(format.getMaximumFractionDigits());
        }
        return format.format(amount);
    }

    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale())
                .withZone(zone())
                .format(instant);
    }

    public String date(@Nullable Instant instant) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale())
                .withZone(zone())
                .format(instant);
    }

    /** A language tag in its own language: "de-DE" → "Deutsch (Deutschland)". */
    public String localeName(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        return locale.getDisplayName(locale);
    }

    /** The ISO form for a {@code <time datetime>} attribute. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** An amount in the currency's decimals with grouping but without the currency sign, for columns of figures. */
    public String amount(@Nullable BigDecimal amount, @Nullable String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        int digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }

    /** An amount rounded to whole units with grouping ("12,480"), for dense grids; open the record for the cents. */
    public String whole(@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getIntegerInstance(locale());
        format.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        return format.format(amount);
    }

    /** A share as a whole percentage in the locale ("85 %" or "85%"). */
    public String percent(@Nullable BigDecimal share) {
        if (share == null) {
            return "";
        }
        return NumberFormat.getPercentInstance(locale()).format(share);
    }

    /** A date that is a date (a contract end, a booking day), in the organization's locale. */
    public String day(java.time.@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
    }

    /** The organization's locale, for code that formats outside templates (charts, exports). */
    public Locale currentLocale() {
        return locale();
    }

    private static Locale locale() {
        return TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.US);
    }

    private static ZoneId zone() {
        return TenantContext.access().map(OrgAccess::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }
}
