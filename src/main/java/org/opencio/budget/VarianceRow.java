package org.opencio.budget;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The lines of one group (a cost pool, a tower, a department) added up: plan, the three stages, the year-end forecast
 * and the forecast variance (plan − forecast; negative is a projected overspend). {@code id} is null for lines that
 * name no such group.
 */
public record VarianceRow(
        @Nullable UUID id,
        @Nullable String name,
        int lines,
        BigDecimal plan,
        BigDecimal reserved,
        BigDecimal committed,
        BigDecimal actual,
        BigDecimal forecast,
        BigDecimal variance) {

    /** Committed and reserved money together: what is promised but not yet spent. */
    public BigDecimal open() {
        return reserved.add(committed);
    }
}
