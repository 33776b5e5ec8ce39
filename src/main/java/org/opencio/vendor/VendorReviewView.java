package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vendor scorecard: six scores from 1 to 5, their mean ({@code overall}), the period and who reviewed. */
public record VendorReviewView(
        UUID id,
        UUID vendorId,
        String vendorName,
        VendorCategory vendorCategory,
        String period,
        LocalDate periodStart,
        LocalDate periodEnd,
        int quality,
        int delivery,
        int support,
        int cost,
        int relationship,
        int innovation,
        BigDecimal overall,
        @Nullable String comments,
        UUID reviewerId,
        @Nullable String reviewerName,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
