package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.security.Role;

/** One rule of a policy version, with the names of what it refers to. */
public record RuleView(
        int position,
        int stage,
        String name,
        @Nullable BigDecimal amountAbove,
        @Nullable BigDecimal amountUpTo,
        List<UUID> categoryIds,
        List<String> categoryNames,
        @Nullable UUID departmentId,
        @Nullable String departmentName,
        @Nullable ExpenseType expenseType,
        ApproverKind approverKind,
        @Nullable Role approverRole,
        @Nullable UUID approverId,
        @Nullable String approverName,
        StepMode mode) {

    ApprovalRule rule() {
        return new ApprovalRule(stage, name, amountAbove, amountUpTo, java.util.Set.copyOf(categoryIds), departmentId, expenseType,
                approverKind, approverRole, approverId, mode);
    }
}
