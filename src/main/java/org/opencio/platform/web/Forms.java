package org.opencio.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.opencio.shared.ConflictException;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.StaleVersionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * Runs a form's use case; when the input is refused, shows the form again with each error next to its field
 * ({@code errors} in the model, keyed by field name) instead of an error page.
 */
public final class Forms {

    private Forms() {}

    /** As {@link #submit(Model, String, Supplier)}, first reporting values that could not even be read. */
    public static String submit(Model model, String formView, BindingResult binding, Supplier<String> action) {
        if (binding.hasErrors()) {
            Map<String, String> errors = new LinkedHashMap<>();
            binding.getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getField() + " has an invalid value"));
            model.addAttribute("errors", errors);
            return formView;
        }
        return submit(model, formView, action);
    }

    public static String submit(Model model, String formView, Supplier<String> action) {
        try {
            return action.get();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.byField());
        } catch (ConflictException e) {
            model.addAttribute("errors", Map.of(e.field(), e.getMessage()));
        } catch (StaleVersionException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("version", "Someone else changed this meanwhile. Reload the page to see their change.");
            model.addAttribute("errors", errors);
        }
        return formView;
    }
}
