package org.opencio.asset;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the asset list is narrowed to; {@code query} searches tag, name, serial and model. */
public record AssetFilter(
        @Nullable AssetType type,
        @Nullable AssetStatus status,
        @Nullable UUID departmentId,
        @Nullable UUID assigneeId,
        @Nullable String query) {}
