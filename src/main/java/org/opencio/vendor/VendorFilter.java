package org.opencio.vendor;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Filters of the vendor list; all optional. {@code query} matches names, website and tags; {@code tag} one tag
 * exactly; {@code archived} true lists the archived vendors instead of the current ones.
 */
public record VendorFilter(
        @Nullable String query,
        @Nullable VendorCategory category,
        @Nullable VendorStatus status,
        @Nullable StrategicTier strategicTier,
        @Nullable RiskTier riskTier,
        @Nullable String tag,
        @Nullable UUID ownerId,
        @Nullable Boolean archived) {

    public static VendorFilter none() {
        return new VendorFilter(null, null, null, null, null, null, null, null);
    }

    public boolean archivedOnly() {
        return Boolean.TRUE.equals(archived);
    }
}
