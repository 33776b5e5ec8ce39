package org.opencio.platform.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;

/**
 * The SQL of one keyset page for lists read with explicit SQL: a condition "after the last row" and the order.
 * {@code columns} maps each sortable field to its (non-null) column expression and must include {@code id}.
 */
public record KeysetSql(String condition, String orderBy, Map<String, Object> params, int fetch) {

    public static KeysetSql of(Paging.Request request, Map<String, String> columns) {
        List<Sort.Order> orders = request.sort().toList();
        Map<String, Object> params = new HashMap<>();
        String condition = "";
        if (request.position() instanceof KeysetScrollPosition keys && !keys.isInitial()) {
            // (a > :a) or (a = :a and b > :b) for the lexicographic order of the sort keys
            StringBuilder or = new StringBuilder();
            for (int i = 0; i < orders.size(); i++) {
                StringBuilder and = new StringBuilder();
                for (int j = 0; j <= i; j++) {
                    Sort.Order o = orders.get(j);
                    String column = columns.get(o.getProperty());
                    String param = "k" + j;
                    Object value = keys.getKeys().get(o.getProperty());
                    params.put(param, value instanceof java.time.Instant instant ? java.sql.Timestamp.from(instant) : value);
                    if (!and.isEmpty()) {
                        and.append(" and ");
                    }
                    String op = j < i ? "=" : (o.isAscending() ? ">" : "<");
                    and.append(column).append(' ').append(op).append(" :").append(param);
                }
                if (!or.isEmpty()) {
                    or.append(" or ");
                }
                or.append('(').append(and).append(')');
            }
            condition = " and (" + or + ")";
        }
        StringBuilder orderBy = new StringBuilder(" order by ");
        for (int i = 0; i < orders.size(); i++) {
            Sort.Order o = orders.get(i);
            if (i > 0) {
                orderBy.append(", ");
            }
            orderBy.append(columns.get(o.getProperty())).append(o.isAscending() ? " asc" : " desc");
        }
        return new KeysetSql(condition, orderBy.toString(), params, request.limit() + 1);
    }

    /** Cuts the extra row fetched to learn whether there is a next page and makes the cursor after the last row. */
    public <T> CursorPage<T> page(List<T> rows, Paging.Request request, java.util.function.Function<T, Map<String, ?>> keys) {
        if (rows.size() <= request.limit()) {
            return new CursorPage<>(rows, null);
        }
        List<T> page = rows.subList(0, request.limit());
        return new CursorPage<>(List.copyOf(page), Paging.cursor(keys.apply(page.getLast()), request.sortParam()));
    }
}
