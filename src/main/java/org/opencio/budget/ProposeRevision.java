package org.opencio.budget;

import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reallocation (give {@code fromLineId}) or supplement (leave it empty); from {@code fromMonth} (1–12) on. */
public record ProposeRevision(
        @Nullable UUID fromLineId, @Nullable UUID toLineId, @Nullable BigDecimal amount, @Nullable Integer fromMonth, @Nullable String reason) {}
