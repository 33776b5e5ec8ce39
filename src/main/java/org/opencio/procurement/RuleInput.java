package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.security.Role;

/** One rule of a policy version as a person writes it; checked by {@link ApprovalPolicyManagement}. */
public record RuleInput(
        @Nullable Integer stage,
        @Nullable String name,
        @Nullable BigDecimal amountAbove,
        @Nullable BigDecimal amountUpTo,
        @Nullable List<UUID> categoryIds,
        @Nullable UUID departmentId,
        @Nullable ExpenseType expenseType,
        @Nullable ApproverKind approverKind,
        @Nullable Role approverRole,
        @Nullable UUID approverId,
        @Nullable StepMode mode) {}
