package org.opencio.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links to the current list with one parameter changed: next page, sort order, cleared filter. */
@Component("urls")
public class Urls {

    /**
     * The current page with {@code name=value} (or without it, for null), starting again at the first page: a list's
     * position ({@code cursor}, or {@code page} where pages are numbered) is dropped unless it is what changes.
     */
    public String with(String name, @Nullable String value) {
        var builder = ServletUriComponentsBuilder.fromRequest(request()).replaceQueryParam(name);
        if (!"cursor".equals(name) && !"page".equals(name)) {
            builder.replaceQueryParam("cursor");
            builder.replaceQueryParam("page");
        }
        if (value != null) {
            builder.queryParam(name, value);
        }
        return builder.build().encode().toUri().getRawPath() + query(builder.build().encode().getQuery());
    }

    /** The sort link of a column header: ascending, or descending when already sorted ascending by it. */
    public String sort(String field, @Nullable String current) {
        return with("sort", field.equals(current) ? "-" + field : field);
    }

    /** "ascending", "descending" or "none", for aria-sort. */
    public String ariaSort(String field, @Nullable String current) {
        if (field.equals(current)) {
            return "ascending";
        }
        return ("-" + field).equals(current) ? "descending" : "none";
    }

    public String current() {
        HttpServletRequest request = request();
        return request.getRequestURI() + query(request.getQueryString());
    }

    private static String query(@Nullable String query) {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
