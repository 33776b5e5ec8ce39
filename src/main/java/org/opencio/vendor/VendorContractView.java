package org.opencio.vendor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contract term with a vendor as the vendor page lists it; type and status as the contracts keep them. */
public record VendorContractView(
        UUID id,
        String title,
        String type,
        String status,
        int termNumber,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable LocalDate noticeDeadline,
        BigDecimal annualValue,
        String currency) {}
