package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A vendor as entered. {@code category} is required; a new vendor without {@code status}, {@code strategicTier} or
 * {@code riskTier} starts ACTIVE, TACTICAL and MEDIUM. {@code ownerId} is the account of the member who owns the
 * relationship.
 */
public record SaveVendor(
        @Nullable String legalName,
        @Nullable String tradingName,
        @Nullable VendorCategory category,
        @Nullable String website,
        @Nullable VendorStatus status,
        @Nullable StrategicTier strategicTier,
        @Nullable RiskTier riskTier,
        @Nullable List<String> tags,
        @Nullable String notes,
        @Nullable UUID ownerId) {}
