package org.opencio.vendor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A vendor's scores period by period, oldest first: the mean of the reviews of each period. */
public record ReviewTrend(UUID vendorId, List<Point> points) {

    public record Point(String period, LocalDate start, LocalDate end, int reviews, Scores scores) {}
}
