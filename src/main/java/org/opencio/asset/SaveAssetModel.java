package org.opencio.asset;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A new model of the catalogue. */
public record SaveAssetModel(
        @Nullable String manufacturer,
        @Nullable String name,
        @Nullable AssetType type,
        @Nullable Integer lifetimeMonths,
        @Nullable BigDecimal price,
        @Nullable String currency) {}
