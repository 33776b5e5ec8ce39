package org.opencio.platform.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.shared.InvalidInputException;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * List conventions shared by every collection, page and API alike: {@code limit} (default 50, max 500), an opaque
 * keyset {@code cursor}, and {@code sort} as a field name with an optional leading '-' for descending order. The id is
 * always the last sort key, so pages never skip or repeat a row.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Paging() {}

    /** A validated list request. */
    public record Request(int limit, Sort sort, String sortParam, ScrollPosition position) {}

    public static Request request(
            @Nullable Integer limit,
            @Nullable String cursor,
            @Nullable String sort,
            Set<String> sortable,
            String defaultSort) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "paging.limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        String sortParam = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        boolean descending = sortParam.startsWith("-");
        String field = descending ? sortParam.substring(1) : sortParam;
        if (!sortable.contains(field)) {
            throw InvalidInputException.of(
                    "sort", "paging.sort", "sort must be one of " + String.join(", ", sortable) + " (prefix - to reverse)");
        }
        Sort.Direction direction = descending ? Sort.Direction.DESC : Sort.Direction.ASC;
        Sort order = Sort.by(direction, field);
        if (!field.equals("id")) {
            order = order.and(Sort.by(direction, "id"));
        }
        return new Request(size, order, sortParam, decode(cursor, sortParam));
    }

    public static <T, R> CursorPage<R> page(Window<T> window, Request request, Function<T, R> mapper) {
        List<R> items = new ArrayList<>(window.size());
        window.forEach(item -> items.add(mapper.apply(item)));
        String next = null;
        if (window.hasNext() && !window.isEmpty()) {
            next = encode(window.positionAt(window.size() - 1), request.sortParam());
        }
        return new CursorPage<>(items, next);
    }

    static String encode(ScrollPosition position, String sortParam) {
        if (!(position instanceof KeysetScrollPosition keyset)) {
            throw new IllegalStateException("lists page by keyset");
        }
        return cursor(keyset.getKeys(), sortParam);
    }

    /** The cursor after a row with these sort-key values (for lists read with SQL rather than repositories). */
    public static String cursor(Map<String, ?> keysAfter, String sortParam) {
        ObjectNode root = JSON.createObjectNode();
        root.put("s", sortParam);
        ObjectNode keys = root.putObject("k");
        keysAfter.forEach((name, value) -> keys.set(name, typed(value)));
        byte[] bytes = JSON.writeValueAsBytes(root);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static ScrollPosition decode(@Nullable String cursor, String sortParam) {
        if (cursor == null || cursor.isBlank()) {
            return ScrollPosition.keyset();
        }
        try {
            JsonNode root = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!sortParam.equals(root.path("s").asString())) {
                throw invalidCursor("the cursor belongs to another sort order");
            }
            Map<String, Object> keys = new LinkedHashMap<>();
            for (var entry : root.path("k").properties()) {
                keys.put(entry.getKey(), untyped(entry.getValue()));
            }
            if (keys.isEmpty()) {
                throw invalidCursor("the cursor is not one this server made");
            }
            return ScrollPosition.forward(keys);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalidCursor("the cursor is not one this server made");
        }
    }

    private static InvalidInputException invalidCursor(String detail) {
        return InvalidInputException.of("cursor", "paging.cursor", detail);
    }

    private static JsonNode typed(@Nullable Object value) {
        var node = JSON.createArrayNode();
        switch (value) {
            case null -> node.add("z");
            case String s -> node.add("s").add(s);
            case UUID u -> node.add("u").add(u.toString());
            case Instant i -> node.add("t").add(i.toString());
            case LocalDate d -> node.add("d").add(d.toString());
            case Long l -> node.add("l").add(l);
            case Integer i -> node.add("i").add(i);
            case Boolean b -> node.add("b").add(b);
            case BigDecimal n -> node.add("n").add(n.toPlainString());
            case Enum<?> e -> node.add("e").add(e.getDeclaringClass().getName()).add(e.name());
            default -> throw new IllegalStateException("cannot page by " + value.getClass());
        }
        return node;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static @Nullable Object untyped(JsonNode node) {
        String tag = node.get(0).asString();
        return switch (tag) {
            case "z" -> null;
            case "s" -> node.get(1).asString();
            case "u" -> UUID.fromString(node.get(1).asString());
            case "t" -> Instant.parse(node.get(1).asString());
            case "d" -> LocalDate.parse(node.get(1).asString());
            case "l" -> node.get(1).asLong();
            case "i" -> node.get(1).asInt();
            case "b" -> node.get(1).asBoolean();
            case "n" -> new BigDecimal(node.get(1).asString());
            case "e" -> {
                String type = node.get(1).asString();
                if (!type.startsWith("org.opencio.")) {
                    throw new IllegalArgumentException("enum outside the application");
                }
                try {
                    Class<?> cls = Class.forName(type);
                    if (!cls.isEnum()) {
                        throw new IllegalArgumentException("not an enum");
                    }
                    yield Enum.valueOf((Class) cls, node.get(2).asString());
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            default -> throw new IllegalArgumentException("unknown cursor value");
        };
    }
}
