package org.opencio.vendor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/** One reviewer's scorecard of a vendor for one period: six scores from 1 to 5 and their mean. */
@Entity
@Table(name = "vendor_reviews")
class VendorReview extends TenantEntity {

    @Column(name = "vendor_id", nullable = false, updatable = false)
    private UUID vendorId;

    @Column(name = "review_period", nullable = false)
    private String period;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(nullable = false)
    private int quality;

    @Column(nullable = false)
    private int delivery;

    @Column(nullable = false)
    private int support;

    @Column(nullable = false)
    private int cost;

    @Column(nullable = false)
    private int relationship;

    @Column(nullable = false)
    private int innovation;

    @Column(nullable = false)
    private BigDecimal overall;

    private @Nullable String comments;

    @Column(name = "reviewer_id", nullable = false, updatable = false)
    private UUID reviewerId;

    @Column(nullable = false)
    private boolean archived;

    protected VendorReview() {}

    VendorReview(UUID vendorId, UUID reviewerId) {
        this.vendorId = vendorId;
        this.reviewerId = reviewerId;
    }

    void score(ReviewPeriod period, Scores scores, @Nullable String comments) {
        this.period = period.label();
        this.periodStart = period.start();
        this.periodEnd = period.end();
        this.quality = scores.quality().intValue();
        this.delivery = scores.delivery().intValue();
        this.support = scores.support().intValue();
        this.cost = scores.cost().intValue();
        this.relationship = scores.relationship().intValue();
        this.innovation = scores.innovation().intValue();
        this.overall = scores.overall();
        this.comments = comments == null || comments.isBlank() ? null : comments.strip();
    }

    void archive() {
        archived = true;
    }

    UUID vendorId() {
        return vendorId;
    }

    UUID reviewerId() {
        return reviewerId;
    }

    String period() {
        return period;
    }

    boolean archived() {
        return archived;
    }

    record Snapshot(UUID vendorId, String period, int quality, int delivery, int support, int cost, int relationship, int innovation,
            BigDecimal overall, @Nullable String comments, UUID reviewerId, boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(vendorId, period, quality, delivery, support, cost, relationship, innovation, overall, comments, reviewerId,
                archived);
    }
}
