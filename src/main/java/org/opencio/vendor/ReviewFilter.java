package org.opencio.vendor;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Filters of the review list; all optional. {@code period} keeps the reviews of periods within it ("2026" keeps 2026-Q3). */
public record ReviewFilter(@Nullable UUID vendorId, @Nullable VendorCategory category, @Nullable String period, @Nullable UUID reviewerId) {

    public static ReviewFilter none() {
        return new ReviewFilter(null, null, null, null);
    }
}
