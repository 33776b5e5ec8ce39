package org.opencio.platform.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the audit list; all optional. {@code action} matches a prefix ("member." finds every member change). */
public record AuditFilter(
        @Nullable String entityType,
        @Nullable String entityId,
        @Nullable UUID actorId,
        @Nullable String action,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
