package org.opencio.asset;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An asset with the names of what it refers to, its book value today, the statuses it may move to and the fields a
 * person locked against agent reports.
 */
public record AssetView(
        UUID id,
        String tag,
        String name,
        AssetType type,
        @Nullable UUID modelId,
        @Nullable String modelName,
        @Nullable String serial,
        AssetStatus status,
        Set<AssetStatus> nextStatuses,
        @Nullable UUID assigneeId,
        @Nullable String assigneeName,
        @Nullable UUID departmentId,
        @Nullable String location,
        @Nullable LocalDate purchasedOn,
        @Nullable BigDecimal cost,
        @Nullable String currency,
        @Nullable BigDecimal bookValue,
        @Nullable String orderReference,
        @Nullable UUID vendorId,
        @Nullable String vendorName,
        @Nullable LocalDate warrantyEnd,
        @Nullable LocalDate endOfLife,
        @Nullable String notes,
        Set<LockedField> lockedFields,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
