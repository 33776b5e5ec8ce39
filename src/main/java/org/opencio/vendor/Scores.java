package org.opencio.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The six dimensions of a vendor scorecard, each from 1 (poor) to 5 (excellent), and their mean. Whole scores on one
 * review; means (two decimals) where reviews are averaged, null where there is nothing to average.
 */
public record Scores(
        @Nullable BigDecimal quality,
        @Nullable BigDecimal delivery,
        @Nullable BigDecimal support,
        @Nullable BigDecimal cost,
        @Nullable BigDecimal relationship,
        @Nullable BigDecimal innovation,
        @Nullable BigDecimal overall) {

    /** The dimensions' names, in the order of {@link #dimensions()}, as JSON fields and message keys use them. */
    public static final List<String> DIMENSIONS = List.of("quality", "delivery", "support", "cost", "relationship", "innovation");

    public static Scores of(int quality, int delivery, int support, int cost, int relationship, int innovation) {
        return new Scores(BigDecimal.valueOf(quality), BigDecimal.valueOf(delivery), BigDecimal.valueOf(support), BigDecimal.valueOf(cost),
                BigDecimal.valueOf(relationship), BigDecimal.valueOf(innovation),
                mean(quality + delivery + support + cost + relationship + innovation, 6));
    }

    public static Scores none() {
        return new Scores(null, null, null, null, null, null, null);
    }

    public List<@Nullable BigDecimal> dimensions() {
        return java.util.Arrays.asList(quality, delivery, support, cost, relationship, innovation);
    }

    public boolean empty() {
        return overall == null;
    }

    static BigDecimal mean(long sum, int count) {
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_EVEN);
    }
}
