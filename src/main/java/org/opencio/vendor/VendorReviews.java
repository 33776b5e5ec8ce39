package org.opencio.vendor;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface VendorReviews extends JpaRepository<VendorReview, UUID> {

    boolean existsByVendorIdAndPeriodAndReviewerIdAndArchivedFalse(UUID vendorId, String period, UUID reviewerId);
}
