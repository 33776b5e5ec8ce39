package org.opencio.asset;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The facts of an asset a person records or changes. Without {@code endOfLife} it is the purchase date plus the
 * model's lifetime; without {@code type} the model's type; {@code status} only counts on creation (default IN_STOCK).
 */
public record SaveAsset(
        @Nullable String name,
        @Nullable AssetType type,
        @Nullable UUID modelId,
        @Nullable String serial,
        @Nullable AssetStatus status,
        @Nullable String location,
        @Nullable LocalDate purchasedOn,
        @Nullable BigDecimal cost,
        @Nullable String currency,
        @Nullable String orderReference,
        @Nullable UUID vendorId,
        @Nullable LocalDate warrantyEnd,
        @Nullable LocalDate endOfLife,
        @Nullable String notes) {}
