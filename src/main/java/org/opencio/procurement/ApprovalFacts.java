package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;

/** What approval rules look at in a submitted request: its amount in base currency and where it is charged. */
public record ApprovalFacts(
        UUID requesterId,
        BigDecimal baseAmount,
        Set<UUID> categoryIds,
        @Nullable UUID departmentId,
        ExpenseType expenseType,
        @Nullable UUID budgetLineOwnerId) {

    public ApprovalFacts {
        categoryIds = Set.copyOf(categoryIds);
    }
}
