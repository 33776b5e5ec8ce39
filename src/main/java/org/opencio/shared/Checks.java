package org.opencio.shared;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Collects every field error of one input before refusing it, so a form or API caller sees them all at once. */
public final class Checks {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,29}$");

    private final List<InvalidInputException.FieldError> errors = new ArrayList<>();

    public Checks required(String field, @Nullable Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "required", field + " is required");
        }
        return this;
    }

    public Checks text(String field, @Nullable String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required", field + " is required");
            }
        } else if (value.length() > max) {
            add(field, "too-long", field + " must be at most " + max + " characters");
        }
        return this;
    }

    public Checks email(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
        } else if (value.length() > 320 || !EMAIL.matcher(value.trim()).matches()) {
            add(field, "email", field + " must be an email address");
        }
        return this;
    }

    public Checks slug(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
        } else if (!SLUG.matcher(value).matches()) {
            add(field, "slug", field + " must be 1-60 lower-case letters, digits and inner hyphens");
        }
        return this;
    }

    public Checks code(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
        } else if (!CODE.matcher(value).matches()) {
            add(field, "code", field + " must be 1-30 letters, digits, '.', '_' or '-'");
        }
        return this;
    }

    public Checks currency(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
            return this;
        }
        try {
            if (!value.equals(value.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
            Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            add(field, "currency", field + " must be an ISO 4217 currency code such as EUR or USD");
        }
        return this;
    }

    public Checks timeZone(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
            return this;
        }
        try {
            ZoneId.of(value);
        } catch (DateTimeException e) {
            add(field, "time-zone", field + " must be an IANA time zone such as Europe/Berlin");
        }
        return this;
    }

    public Checks locale(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " is required");
            return this;
        }
        Locale locale = Locale.forLanguageTag(value);
        // 20 characters is what organizations store; longer tags only add calendar or variant extensions.
        boolean known = value.length() <= 20
                && !locale.getLanguage().isEmpty()
                && java.util.Arrays.asList(Locale.getAvailableLocales()).contains(locale);
        if (!known) {
            add(field, "locale", field + " must be a language tag such as en-US or de-DE");
        }
        return this;
    }

    public Checks range(String field, @Nullable Integer value, int min, int max) {
        if (value == null) {
            add(field, "required", field + " is required");
        } else if (value < min || value > max) {
            add(field, "range", field + " must be between " + min + " and " + max);
        }
        return this;
    }

    public Checks money(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return this;
        }
        if (value.signum() < 0) {
            add(field, "negative", field + " must not be negative");
        } else if (value.scale() > 4 || value.precision() - value.scale() > 15) {
            add(field, "money", field + " must have at most 15 digits before and 4 after the decimal point");
        }
        return this;
    }

    public Checks rule(boolean ok, String field, String code, String detail) {
        if (!ok) {
            add(field, code, detail);
        }
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private void add(String field, String code, String detail) {
        errors.add(new InvalidInputException.FieldError(field, code, detail));
    }
}
