package org.opencio.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** {@code kind} REALLOCATION or SUPPLEMENT; {@code status} PROPOSED, APPROVED or REJECTED. */
public record RevisionView(
        UUID id,
        String kind,
        @Nullable UUID fromLineId,
        UUID toLineId,
        BigDecimal amount,
        int fromMonth,
        String reason,
        String status,
        UUID requestedBy,
        @Nullable UUID decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionNote,
        Instant createdAt,
        long version) {}
