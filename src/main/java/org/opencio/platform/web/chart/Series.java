package org.opencio.platform.web.chart;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A named row of values, one per category. A null value is a gap: a line stops there and a bar is left out, unless the
 * series is {@code bridged}, when a line runs straight from one value to the next (a projection between two points).
 */
public record Series(String name, List<@Nullable BigDecimal> values, Tone tone, boolean bridged) {

    public Series {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public Series(String name, List<@Nullable BigDecimal> values, Tone tone) {
        this(name, values, tone, false);
    }
}
