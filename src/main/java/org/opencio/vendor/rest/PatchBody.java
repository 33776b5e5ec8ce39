package org.opencio.vendor.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PATCH body (JSON merge patch, RFC 7396): the fields it names change, a field set to null is cleared, the fields it
 * leaves out keep their value. Read into the request record with the application's JSON settings, so unknown fields and
 * values of the wrong type are refused as in any other body.
 */
record PatchBody<T>(T value, Set<String> present) {

    static <T> PatchBody<T> read(@Nullable JsonNode body, Class<T> type, JsonMapper json, HttpServletRequest request) {
        if (body == null || !body.isObject()) {
            throw new HttpMessageNotReadableException("The request body must be a JSON object.", null, new ServletServerHttpRequest(request));
        }
        try {
            T value = json.treeToValue(body, type);
            Set<String> present = new HashSet<>(body.propertyNames());
            return new PatchBody<>(value, present);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException("The request body is invalid.", e, new ServletServerHttpRequest(request));
        }
    }

    /** The new value when the body names the field, else the current one. */
    <V> @Nullable V or(String field, @Nullable V given, @Nullable V current) {
        return present.contains(field) ? given : current;
    }
}
