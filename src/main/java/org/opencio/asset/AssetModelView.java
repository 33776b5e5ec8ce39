package org.opencio.asset;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A model of the catalogue. */
public record AssetModelView(
        UUID id,
        String manufacturer,
        String name,
        AssetType type,
        int lifetimeMonths,
        @Nullable BigDecimal price,
        @Nullable String currency,
        long version) {}
