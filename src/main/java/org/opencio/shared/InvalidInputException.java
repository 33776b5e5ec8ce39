package org.opencio.shared;

import java.util.List;
import java.util.Map;

/** Input that breaks a business rule, naming the fields at fault: answered 400 (or 422 for a rule, see kind). */
public class InvalidInputException extends RuntimeException {

    /** One field at fault; {@code code} is a message key, {@code detail} the text in English. */
    public record FieldError(String field, String code, String detail) {}

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid input" : errors.getFirst().detail());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(String field, String code, String detail) {
        return new InvalidInputException(List.of(new FieldError(field, code, detail)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> byField() {
        var map = new java.util.LinkedHashMap<String, String>();
        errors.forEach(e -> map.putIfAbsent(e.field(), e.detail()));
        return map;
    }
}
