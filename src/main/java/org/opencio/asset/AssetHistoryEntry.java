package org.opencio.asset;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One thing that happened to an asset: created, a status change, a check-out or a check-in. */
public record AssetHistoryEntry(
        UUID id,
        Kind kind,
        @Nullable AssetStatus fromStatus,
        AssetStatus toStatus,
        @Nullable UUID assigneeId,
        @Nullable UUID departmentId,
        @Nullable String reason,
        @Nullable UUID actorId,
        Instant happenedAt) {

    public enum Kind {
        CREATED,
        RECEIVED,
        STATUS,
        CHECK_OUT,
        CHECK_IN
    }
}
