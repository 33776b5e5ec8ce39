package org.opencio.vendor;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The current vendors of a category side by side: each with the mean of its latest reviewed period (or of the reviews
 * within {@code period} when one is asked for), best overall first, unreviewed vendors last; and the category's mean
 * per dimension over the vendors reviewed.
 */
public record ReviewComparison(VendorCategory category, @Nullable String period, List<Row> rows, Scores mean) {

    public record Row(UUID vendorId, String name, StrategicTier strategicTier, @Nullable String period, int reviews, Scores scores) {}
}
