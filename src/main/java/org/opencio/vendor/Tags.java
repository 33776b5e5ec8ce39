package org.opencio.vendor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.Checks;

/**
 * Tags of vendors and intelligence notes: short lower-case words ("erp", "microsoft 365", "c#"), stored joined by
 * commas, so a comma cannot be part of one.
 */
final class Tags {

    static final int MAX_TAGS = 20;
    static final int MAX_LENGTH = 40;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._+#&/-]*$");
    private static final Pattern SEPARATOR = Pattern.compile("[,;]");

    private Tags() {}

    /** Tags typed in one text field or CSV cell, separated by commas or semicolons. */
    static List<String> parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String part : SEPARATOR.split(text)) {
            if (!part.isBlank()) {
                tags.add(part.strip());
            }
        }
        return tags;
    }

    /** Trimmed, lower-cased, without repeats, in the order given. */
    static List<String> clean(@Nullable List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) {
                continue;
            }
            String t = tag.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        return List.copyOf(clean);
    }

    static void check(Checks checks, String field, @Nullable List<String> tags) {
        List<String> clean = clean(tags);
        checks.rule(clean.size() <= MAX_TAGS, field, "too-many", field + " may hold at most " + MAX_TAGS + " tags");
        for (String tag : clean) {
            if (tag.length() > MAX_LENGTH) {
                checks.rule(false, field, "too-long", "each of " + field + " must be at most " + MAX_LENGTH + " characters");
                return;
            }
            if (!ALLOWED.matcher(tag).matches()) {
                checks.rule(false, field, "tag", "'" + tag + "' is not a tag: use letters, digits, spaces and . _ + # & / -");
                return;
            }
        }
        checks.rule(String.join(",", clean).length() <= 500, field, "too-long", field + " must be at most 500 characters together");
    }

    static List<String> split(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
