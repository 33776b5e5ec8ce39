package org.opencio.platform.web;

import org.jspecify.annotations.Nullable;
import org.opencio.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;

/** Versions as strong ETags ({@code "3"}) and the If-Match rule every update follows. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static <T> ResponseEntity<T> ok(T body, long version) {
        return ResponseEntity.ok().eTag(of(version)).body(body);
    }

    /** The version the caller expects to change; 428 when If-Match is missing. */
    public static long requireIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException();
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw InvalidInputException.of("If-Match", "etag.invalid", "If-Match must be an ETag such as \"3\"");
        }
    }
}
