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

    private static Locale locale() {
        return TenantContext.access().map(OrgAccess::locale).map(Locale::forLanguageTag).orElse(Locale.US);
    }

    private static ZoneId zone() {
        return TenantContext.access().map(OrgAccess::timeZone).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }
}
