package org.opencio.vendor;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A scorecard as entered: the vendor, the period ("2026", "2026-H2", "2026-Q3" or "2026-09") and the six scores, each a
 * whole number from 1 to 5. The reviewer is whoever records it.
 */
public record SaveVendorReview(
        @Nullable UUID vendorId,
        @Nullable String period,
        @Nullable Integer quality,
        @Nullable Integer delivery,
        @Nullable Integer support,
        @Nullable Integer cost,
        @Nullable Integer relationship,
        @Nullable Integer innovation,
        @Nullable String comments) {}
