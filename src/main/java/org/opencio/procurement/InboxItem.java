package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A step waiting on the caller's decision (or on someone the caller stands in for, named in {@code onBehalfOf}). */
public record InboxItem(
        UUID requestId,
        String number,
        String title,
        UUID requesterId,
        @Nullable BigDecimal totalBase,
        String baseCurrency,
        UUID stepId,
        String stepName,
        int stage,
        StepMode mode,
        Instant startedAt,
        @Nullable UUID onBehalfOf) {}
