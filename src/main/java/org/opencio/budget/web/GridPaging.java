package org.opencio.budget.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which lines of the filtered, sorted grid one page shows. A grid of 2,000 lines is 50,000 figures: written out at once
 * it is megabytes of HTML that a browser lays out slowly, so the page shows a slice of it (100 lines unless the person
 * chooses 50, 250 or 500) while its totals row still adds up every filtered line. Pages are numbered: the whole grid is
 * read for the totals anyway, and a number lets people jump straight to the end of a long budget. Anything that is not a
 * page number or a size offered falls back to the default rather than failing: these come from links and typed URLs.
 */
record GridPaging(int page, int size, int pages, int total) {

    static final List<Integer> SIZES = List.of(50, 100, 250, 500);
    static final int DEFAULT_SIZE = 100;

    static GridPaging of(@Nullable String page, @Nullable String size, int total) {
        int perPage = parse(size, DEFAULT_SIZE);
        if (!SIZES.contains(perPage)) {
            perPage = DEFAULT_SIZE;
        }
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int number = Math.max(1, Math.min(pages, parse(page, 1)));
        return new GridPaging(number, perPage, pages, total);
    }

    /** The page's lines from the whole (filtered, sorted) list. */
    <T> List<T> slice(List<T> all) {
        return all.subList(Math.min((page - 1) * size, all.size()), Math.min(to(), all.size()));
    }

    /** Position of the page's first line, counting from 1 (0 when there is none). */
    public int from() {
        return total == 0 ? 0 : (page - 1) * size + 1;
    }

    /** Position of the page's last line. */
    public int to() {
        return Math.min(total, page * size);
    }

    public boolean paged() {
        return pages > 1;
    }

    /** The numbers the pager links to: the first and last page and two either side of this one; 0 marks a gap. */
    public List<Integer> numbers() {
        List<Integer> numbers = new ArrayList<>();
        int last = 0;
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 2) {
                if (last != 0 && n > last + 1) {
                    numbers.add(0);
                }
                numbers.add(n);
                last = n;
            }
        }
        return numbers;
    }

    private static int parse(@Nullable String value, int fallback) {
        if (value == null || value.isBlank() || value.length() > 9) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
