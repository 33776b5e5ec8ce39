package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A vendor as people read it. {@code name} is the name people know it by (the trading name when there is one);
 * {@code score} is the mean overall review score of its latest reviewed period, null before its first review.
 */
public record VendorView(
        UUID id,
        String name,
        String legalName,
        @Nullable String tradingName,
        VendorCategory category,
        @Nullable String website,
        @Nullable String websiteDomain,
        VendorStatus status,
        StrategicTier strategicTier,
        RiskTier riskTier,
        List<String> tags,
        @Nullable String notes,
        @Nullable UUID ownerId,
        @Nullable String ownerName,
        boolean archived,
        @Nullable BigDecimal score,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
