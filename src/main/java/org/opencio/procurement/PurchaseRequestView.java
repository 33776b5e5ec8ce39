package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.ExpenseType;

/**
 * A purchase request with its lines, its approval steps of every round and their decisions; {@code waitingOn} are the
 * steps it waits on now; {@code total} is in the base currency (absent for a draft with lines in other currencies). {@code budgetCheck} is what the budget said at submission (OK, WARNING, OVER).
 */
public record PurchaseRequestView(
        UUID id,
        String number,
        String title,
        @Nullable String justification,
        @Nullable LocalDate neededBy,
        UUID requesterId,
        @Nullable String requesterName,
        @Nullable UUID departmentId,
        @Nullable UUID budgetLineId,
        @Nullable UUID vendorId,
        ExpenseType expenseType,
        PurchaseRequestStatus status,
        String baseCurrency,
        @Nullable BigDecimal total,
        @Nullable BigDecimal totalBase,
        @Nullable String budgetCheck,
        @Nullable BigDecimal budgetAvailableAfter,
        boolean extraApprovalRequired,
        @Nullable UUID policyId,
        @Nullable Integer policyVersion,
        int round,
        @Nullable Instant submittedAt,
        @Nullable Instant decidedAt,
        List<LineView> lines,
        List<StepView> steps,
        List<StepView> waitingOn,
        Instant createdAt,
        long version) {

    public record LineView(
            UUID id,
            int position,
            String description,
            @Nullable UUID categoryId,
            BigDecimal quantity,
            BigDecimal unitPrice,
            String currency,
            @Nullable UUID vendorId,
            @Nullable String catalogItem,
            LineKind kind,
            BigDecimal amount,
            @Nullable BigDecimal rateToBase,
            @Nullable BigDecimal baseAmount) {}

    public record StepView(
            UUID id,
            int round,
            int stage,
            String name,
            StepMode mode,
            StepStatus status,
            boolean fallback,
            boolean budgetExtra,
            List<Person> approvers,
            List<DecisionView> decisions,
            @Nullable Instant startedAt,
            @Nullable Instant decidedAt) {}

    public record Person(UUID id, String name) {}

    public record DecisionView(
            UUID approverId,
            String approverName,
            @Nullable UUID onBehalfOf,
            @Nullable String onBehalfOfName,
            Decision decision,
            @Nullable String comment,
            Instant decidedAt) {}
}
