package org.opencio.budget.imports;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The organization's mapping rules, ordered so that the first match is the one that wins. Rows of a bill repeat the
 * same provider, service and sub-account many times, so answers are cached (a bounded cache: memory does not grow
 * with the file).
 */
final class RuleBook {

    /** Tags that are not a JSON object of strings. */
    static final class BadTags extends Exception {
        BadTags() {
            super("Tags is not a JSON object of keys and values", null, false, false);
        }
    }

    private static final int CACHE_SIZE = 10_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final Object NO_RULE = new Object();

    private final List<MappingRuleView> rules;
    private final boolean usesTags;
    private final Map<String, Object> matches = lru();
    private final Map<String, Map<String, String>> parsedTags = lru();

    RuleBook(List<MappingRuleView> rules) {
        this.rules = rules.stream()
                .filter(r -> !r.archived())
                .sorted(Comparator.comparingInt(MappingRuleView::specificity).reversed()
                        .thenComparingInt(MappingRuleView::priority)
                        .thenComparing(MappingRuleView::createdAt)
                        .thenComparing(MappingRuleView::id))
                .toList();
        this.usesTags = this.rules.stream().anyMatch(r -> r.tagKey() != null);
    }

    /** The winning rule for a row, if any. Tags are checked (and must be readable) even when no rule looks at them. */
    Optional<MappingRuleView> match(CostRow row) throws BadTags {
        Map<String, String> tags = tags(row.tags());
        String key = String.join("\u001F", nz(row.provider()), nz(row.service()), nz(row.subAccountId()),
                nz(row.subAccountName()), nz(row.account()), usesTags ? nz(row.tags()) : "");
        Object cached = matches.get(key);
        if (cached == null) {
            cached = NO_RULE;
            for (MappingRuleView rule : rules) {
                if (matches(rule, row, tags)) {
                    cached = rule;
                    break;
                }
            }
            matches.put(key, cached);
        }
        return cached == NO_RULE ? Optional.empty() : Optional.of((MappingRuleView) cached);
    }

    static boolean matches(MappingRuleView rule, CostRow row, Map<String, String> tags) {
        if (!same(rule.provider(), row.provider()) || !same(rule.service(), row.service()) || !same(rule.account(), row.account())) {
            return false;
        }
        if (rule.subAccount() != null && !same(rule.subAccount(), row.subAccountId()) && !same(rule.subAccount(), row.subAccountName())) {
            return false;
        }
        if (rule.tagKey() != null) {
            String found = null;
            for (var tag : tags.entrySet()) {
                if (tag.getKey().equalsIgnoreCase(rule.tagKey())) {
                    found = tag.getValue();
                    break;
                }
            }
            if (found == null || (rule.tagValue() != null && !rule.tagValue().equalsIgnoreCase(found))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(@Nullable String criterion, @Nullable String value) {
        return criterion == null || (value != null && criterion.equalsIgnoreCase(value));
    }

    private Map<String, String> tags(@Nullable String json) throws BadTags {
        if (json == null) {
            return Map.of();
        }
        Map<String, String> tags = parsedTags.get(json);
        if (tags == null) {
            tags = parse(json);
            parsedTags.put(json, tags);
        }
        return tags;
    }

    /** {"team":"payments","env":"prod"}; numbers and booleans are read as their text, a null value as "". */
    static Map<String, String> parse(String json) throws BadTags {
        Map<String, String> tags = new LinkedHashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new BadTags();
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    tags.put(name, "");
                } else {
                    tags.put(name, value == JsonToken.VALUE_NULL ? "" : parser.getString());
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new BadTags();
            }
            return tags;
        } catch (tools.jackson.core.JacksonException e) {
            throw new BadTags();
        }
    }

    private static String nz(@Nullable String value) {
        return value == null ? "\u0000" : value;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
