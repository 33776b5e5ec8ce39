package org.opencio.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One movement of money on a line: the stage it changed, by how much (negative when released or moved on to the next
 * stage), in which fiscal month, the document behind it and who recorded it. The drill-down behind every figure. Money
 * recorded in another currency also says what it was: {@code originalAmount} in {@code originalCurrency}, converted
 * with {@code exchangeRate} (all three null for money in the budget's currency).
 */
public record MovementView(
        UUID id,
        UUID lineId,
        Stage stage,
        BigDecimal amount,
        int fiscalMonth,
        String sourceType,
        String sourceId,
        @Nullable String description,
        Instant createdAt,
        @Nullable UUID createdBy,
        @Nullable String createdByName,
        @Nullable BigDecimal originalAmount,
        @Nullable String originalCurrency,
        @Nullable BigDecimal exchangeRate) {}
