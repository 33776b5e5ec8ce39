package org.opencio.vendor.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.Checks;

/**
 * Reads the text a form posts into typed values, collecting what cannot be read as field errors. Forms keep their values
 * as text, so a value that cannot be converted is shown again at its field instead of losing the whole form.
 */
final class FormValues {

    private final Checks checks = new Checks();

    <E extends Enum<E>> @Nullable E choice(String field, @Nullable String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            checks.rule(false, field, "choice", field + " has an invalid value");
            return null;
        }
    }

    @Nullable
    UUID id(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            checks.rule(false, field, "unknown", field + " has an invalid value");
            return null;
        }
    }

    @Nullable
    Integer number(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            checks.rule(false, field, "number", field + " must be a whole number");
            return null;
        }
    }

    /** Refuses the form when any value could not be read. */
    void throwIfAny() {
        checks.throwIfAny();
    }
}
