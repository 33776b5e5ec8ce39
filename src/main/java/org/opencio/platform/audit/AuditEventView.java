package org.opencio.platform.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One audit event as people and the API see it; before/after are JSON snapshots. */
public record AuditEventView(
        UUID id,
        long seq,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        String entityType,
        String entityId,
        @Nullable String before,
        @Nullable String after,
        String hash) {}
