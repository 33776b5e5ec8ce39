package org.opencio.platform.web.chart;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A named row of values, one per category; a null value is a gap (a line stops there, a bar is left out). */
public record Series(String name, List<@Nullable BigDecimal> values, Tone tone) {

    public Series {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
