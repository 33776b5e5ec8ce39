package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of the purchase request list. */
public record PurchaseRequestSummary(
        UUID id,
        String number,
        String title,
        UUID requesterId,
        @Nullable UUID departmentId,
        @Nullable UUID vendorId,
        PurchaseRequestStatus status,
        @Nullable BigDecimal totalBase,
        String baseCurrency,
        @Nullable LocalDate neededBy,
        @Nullable Instant submittedAt,
        Instant createdAt) {}
