package org.opencio.vendor.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tags as a form field: one text, the tags separated by commas (or semicolons). */
final class TagText {

    private TagText() {}

    static List<String> parse(@Nullable String text) {
        List<String> tags = new ArrayList<>();
        if (text != null) {
            for (String part : text.split("[,;]")) {
                if (!part.isBlank()) {
                    tags.add(part.strip());
                }
            }
        }
        return tags;
    }
}
