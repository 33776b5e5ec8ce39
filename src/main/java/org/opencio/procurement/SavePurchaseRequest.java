package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;

/** A draft purchase request as its requester writes it; the lines replace the draft's lines. */
public record SavePurchaseRequest(
        @Nullable String title,
        @Nullable String justification,
        @Nullable LocalDate neededBy,
        @Nullable UUID departmentId,
        @Nullable UUID budgetLineId,
        @Nullable UUID vendorId,
        @Nullable ExpenseType expenseType,
        @Nullable List<Line> lines) {

    /** One line: what, how many, at which unit price in which currency. */
    public record Line(
            @Nullable String description,
            @Nullable UUID categoryId,
            @Nullable BigDecimal quantity,
            @Nullable BigDecimal unitPrice,
            @Nullable String currency,
            @Nullable UUID vendorId,
            @Nullable String catalogItem,
            @Nullable LineKind kind) {}
}
