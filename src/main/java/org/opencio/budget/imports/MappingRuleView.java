package org.opencio.budget.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A rule that sends imported cost to a budget line: every criterion given must match (compared without case); the rule
 * with the most criteria wins, then the lower priority number, then the older rule. The line is named by its code, so
 * the rule keeps working for next year's budget.
 */
public record MappingRuleView(
        UUID id,
        @Nullable String provider,
        @Nullable String service,
        @Nullable String subAccount,
        @Nullable String tagKey,
        @Nullable String tagValue,
        @Nullable String account,
        String lineCode,
        int priority,
        boolean archived,
        Instant createdAt,
        long version) {

    /** How many criteria the rule has; a tag with its value counts as one. */
    public int specificity() {
        int n = 0;
        for (String criterion : new String[] {provider, service, subAccount, tagKey, account}) {
            if (criterion != null) {
                n++;
            }
        }
        return n;
    }
}
