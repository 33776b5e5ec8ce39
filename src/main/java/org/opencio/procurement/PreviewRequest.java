package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;

/** A would-be request to try the policy on: who asks, how much in base currency, charged where, on which day. */
public record PreviewRequest(
        @Nullable BigDecimal amount,
        @Nullable UUID requesterId,
        @Nullable UUID departmentId,
        @Nullable UUID categoryId,
        @Nullable ExpenseType expenseType,
        @Nullable LocalDate day) {}
