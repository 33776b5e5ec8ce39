package org.opencio.procurement;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.security.Role;

/**
 * One rule of an approval policy: when a request matches its conditions, it adds a step with these approvers. Steps of
 * the same {@code stage} run in parallel; stages run one after the other, lowest first.
 *
 * @param above the request's base-currency amount must be greater than this (null: from zero)
 * @param upTo the amount must be at most this (null: no upper bound)
 * @param categoryIds cost categories the rule applies to (empty: all)
 * @param departmentId the requester's department it applies to (null: all)
 * @param expenseType CapEx or OpEx (null: both)
 */
public record ApprovalRule(
        int stage,
        String name,
        @Nullable BigDecimal above,
        @Nullable BigDecimal upTo,
        Set<UUID> categoryIds,
        @Nullable UUID departmentId,
        @Nullable ExpenseType expenseType,
        ApproverKind approverKind,
        @Nullable Role role,
        @Nullable UUID personId,
        StepMode mode) {

    public ApprovalRule {
        categoryIds = Set.copyOf(categoryIds);
    }

    boolean matches(ApprovalFacts facts) {
        BigDecimal amount = facts.baseAmount();
        return (above == null || amount.compareTo(above) > 0)
                && (upTo == null || amount.compareTo(upTo) <= 0)
                && (categoryIds.isEmpty() || facts.categoryIds().stream().anyMatch(categoryIds::contains))
                && (departmentId == null || departmentId.equals(facts.departmentId()))
                && (expenseType == null || expenseType == facts.expenseType());
    }
}
