package org.opencio.procurement.web;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencio.procurement.PurchaseRequestView;
import org.opencio.procurement.SavePurchaseRequest;
import org.opencio.shared.InvalidInputException;

/**
 * The request form as typed: every value a string, so that a refused form comes back with exactly what was typed.
 * Lines left wholly empty are not part of the request; errors of the request's lines are shown on the form's lines.
 */
record PurchaseRequestForm(
        String title,
        String justification,
        String neededBy,
        String departmentId,
        String budgetLineId,
        String vendorId,
        List<Line> lines,
        @Nullable Long version) {

    /** Lines a new request's form offers, and the empty lines an edited one gets beyond its own. */
    static final int NEW_LINES = 3;
    static final int SPARE_LINES = 1;
    static final int MAX_FORM_LINES = 50;

    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]");

    record Line(String description, String categoryId, String quantity, String unitPrice, String currency, String vendorId, String catalogItem) {
        static final Line EMPTY = new Line("", "", "", "", "", "", "");

        boolean blank() {
            return (description + categoryId + quantity + unitPrice + currency + vendorId + catalogItem).isBlank();
        }
    }

    /** The form read from a parsed request, its command and the errors of values that could not even be read. */
    record Parsed(SavePurchaseRequest command, Map<String, String> errors, List<Integer> formIndexOfLine) {

        /** The request's validation errors with each line's field named as the form's line ("lines[2].quantity"). */
        InvalidInputException onFormLines(InvalidInputException e) {
            List<InvalidInputException.FieldError> out = new ArrayList<>();
            for (InvalidInputException.FieldError f : e.errors()) {
                Matcher m = LINE_FIELD.matcher(f.field());
                if (m.find() && Integer.parseInt(m.group(1)) < formIndexOfLine.size()) {
                    String field = "lines[" + formIndexOfLine.get(Integer.parseInt(m.group(1))) + "]" + f.field().substring(m.end());
                    out.add(new InvalidInputException.FieldError(field, f.code(), f.detail()));
                } else {
                    out.add(f);
                }
            }
            return new InvalidInputException(out);
        }
    }

    static PurchaseRequestForm empty() {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < NEW_LINES; i++) {
            lines.add(Line.EMPTY);
        }
        return new PurchaseRequestForm("", "", "", "", "", "", lines, null);
    }

    static PurchaseRequestForm of(PurchaseRequestView r) {
        List<Line> lines = new ArrayList<>();
        for (PurchaseRequestView.LineView l : r.lines()) {
            lines.add(new Line(l.description(), text(l.categoryId()), l.quantity().stripTrailingZeros().toPlainString(),
                    l.unitPrice().stripTrailingZeros().toPlainString(), l.currency(), text(l.vendorId()), l.catalogItem() == null ? "" : l.catalogItem()));
        }
        for (int i = 0; i < SPARE_LINES || lines.size() < NEW_LINES; i++) {
            lines.add(Line.EMPTY);
        }
        return new PurchaseRequestForm(r.title(), r.justification() == null ? "" : r.justification(), r.neededBy() == null ? "" : r.neededBy().toString(),
                text(r.departmentId()), text(r.budgetLineId()), text(r.vendorId()), lines, r.version());
    }

    /** The form as posted; the line fields come as repeated parameters, one value per line, in order. */
    static PurchaseRequestForm read(HttpServletRequest request) {
        String[][] columns = {values(request, "description"), values(request, "categoryId"), values(request, "quantity"),
                values(request, "unitPrice"), values(request, "currency"), values(request, "lineVendorId"), values(request, "catalogItem")};
        int count = 0;
        for (String[] column : columns) {
            count = Math.max(count, column.length);
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(count, MAX_FORM_LINES); i++) {
            lines.add(new Line(at(columns[0], i), at(columns[1], i), at(columns[2], i), at(columns[3], i), at(columns[4], i), at(columns[5], i),
                    at(columns[6], i)));
        }
        String version = one(request, "version");
        Long v;
        try {
            v = version.isBlank() ? null : Long.valueOf(version.strip());
        } catch (NumberFormatException e) {
            v = -1L;
        }
        return new PurchaseRequestForm(one(request, "title"), one(request, "justification"), one(request, "neededBy"), one(request, "departmentId"),
                one(request, "budgetLineId"), one(request, "vendorId"), lines, v);
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate needed = null;
        if (!neededBy.isBlank()) {
            try {
                needed = LocalDate.parse(neededBy.strip());
            } catch (DateTimeParseException e) {
                errors.put("neededBy", "Enter the date as year-month-day, such as 2026-12-31.");
            }
        }
        List<SavePurchaseRequest.Line> out = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            String f = "lines[" + i + "].";
            out.add(new SavePurchaseRequest.Line(blankToNull(l.description()), id(l.categoryId(), f + "categoryId", errors), number(l.quantity(), f + "quantity", errors),
                    number(l.unitPrice(), f + "unitPrice", errors), blankToNull(l.currency()) == null ? null : l.currency().strip().toUpperCase(java.util.Locale.ROOT),
                    id(l.vendorId(), f + "vendorId", errors), blankToNull(l.catalogItem()), null));
            index.add(i);
        }
        var command = new SavePurchaseRequest(blankToNull(title), blankToNull(justification), needed, id(departmentId, "departmentId", errors),
                id(budgetLineId, "budgetLineId", errors), id(vendorId, "vendorId", errors), null, out);
        return new Parsed(command, errors, index);
    }

    /** The ids of the lines' categories chosen so far, for the budget line suggestion. */
    static @Nullable UUID firstId(String[] values) {
        for (String v : values) {
            UUID id = tryId(v);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    static @Nullable UUID tryId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable UUID id(String value, String field, Map<String, String> errors) {
        UUID id = tryId(value);
        if (id == null && !value.isBlank()) {
            errors.put(field, "Choose one of the list.");
        }
        return id;
    }

    private static @Nullable BigDecimal number(String value, String field, Map<String, String> errors) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a number, such as 12.50.");
            return null;
        }
    }

    private static String one(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String at(String[] values, int i) {
        return i < values.length && values[i] != null ? values[i] : "";
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }

    private static String text(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }
}
