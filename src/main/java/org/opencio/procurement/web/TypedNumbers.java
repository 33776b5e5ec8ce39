package org.opencio.procurement.web;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.InvalidInputException;

/** Numbers typed into the procurement forms: empty is absent, a comma is a decimal point, anything else is refused naming the field. */
final class TypedNumbers {

    private TypedNumbers() {}

    static @Nullable BigDecimal parse(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw InvalidInputException.of(field, "number", field + " must be a number");
        }
    }
}
