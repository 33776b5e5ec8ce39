package org.opencio.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A version of the approval policy. The built-in default, in force until the organization publishes a version of its
 * own, has no id and version number 0.
 */
public record PolicyView(
        @Nullable UUID id,
        int versionNumber,
        @Nullable LocalDate effectiveFrom,
        PolicyStatus status,
        boolean builtIn,
        boolean inForce,
        @Nullable String note,
        @Nullable Instant publishedAt,
        @Nullable String publishedBy,
        List<RuleView> rules,
        long version) {}
