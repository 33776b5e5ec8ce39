package org.opencio.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.BudgetCheck;
import org.opencio.budget.ExpenseType;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/**
 * A request to buy something, from draft to decision. Its lines, approval steps and decisions are rows of their own
 * (see {@link PurchaseRequestStore}); this row holds the status, which changes only here, and the figures fixed at
 * submission: the total in base currency, the budget check and the policy version the steps were planned with.
 */
@Entity
@Table(name = "purchase_requests")
class PurchaseRequest extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String number;

    @Column(nullable = false)
    private String title;

    private @Nullable String justification;

    @Column(name = "needed_by")
    private @Nullable LocalDate neededBy;

    @Column(name = "requester_id", nullable = false, updatable = false)
    private UUID requesterId;

    @Column(name = "department_id")
    private @Nullable UUID departmentId;

    @Column(name = "budget_line_id")
    private @Nullable UUID budgetLineId;

    @Column(name = "vendor_id")
    private @Nullable UUID vendorId;

    @Enumerated(EnumType.STRING)
    @Column(name = "expense_type", nullable = false)
    private ExpenseType expenseType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseRequestStatus status = PurchaseRequestStatus.DRAFT;

    @Column(name = "base_currency", nullable = false, updatable = false)
    private String baseCurrency;

    @Column(name = "total_base")
    private @Nullable BigDecimal totalBase;

    @Column(name = "check_status")
    private @Nullable String checkStatus;

    @Column(name = "check_available_after")
    private @Nullable BigDecimal checkAvailableAfter;

    @Column(name = "check_extra_approval")
    private @Nullable Boolean checkExtraApproval;

    @Column(name = "policy_id")
    private @Nullable UUID policyId;

    @Column(name = "policy_version")
    private @Nullable Integer policyVersion;

    @Column(nullable = false)
    private int round;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(nullable = false)
    private int edits;

    protected PurchaseRequest() {}

    /** The header fields a requester sets, validated. */
    record Header(
            String title,
            @Nullable String justification,
            @Nullable LocalDate neededBy,
            @Nullable UUID departmentId,
            @Nullable UUID budgetLineId,
            @Nullable UUID vendorId,
            ExpenseType expenseType) {}

    PurchaseRequest(String number, UUID requesterId, String baseCurrency, Header header) {
        this.number = number;
        this.requesterId = requesterId;
        this.baseCurrency = baseCurrency;
        apply(header);
    }

    void apply(Header h) {
        requireDraft();
        title = h.title().strip();
        justification = h.justification() == null || h.justification().isBlank() ? null : h.justification().strip();
        neededBy = h.neededBy();
        departmentId = h.departmentId();
        budgetLineId = h.budgetLineId();
        vendorId = h.vendorId();
        expenseType = h.expenseType();
        touched();
    }

    Header header() {
        return new Header(title, justification, neededBy, departmentId, budgetLineId, vendorId, expenseType);
    }

    void requireDraft() {
        if (status != PurchaseRequestStatus.DRAFT) {
            throw new ConflictException("status", "only a draft can change; this request is " + status);
        }
    }

    void requireSubmitted() {
        if (status != PurchaseRequestStatus.SUBMITTED) {
            throw new ConflictException("status", "only a submitted request is decided or withdrawn; this request is " + status);
        }
    }

    /** Draft → submitted, in a new round, with the figures of this submission. */
    void submit(BigDecimal total, BudgetCheck check, @Nullable UUID policyId, int policyVersion, Instant now) {
        requireDraft();
        status = PurchaseRequestStatus.SUBMITTED;
        round++;
        totalBase = total;
        checkStatus = check.status();
        checkAvailableAfter = check.availableAfter();
        checkExtraApproval = check.extraApprovalRequired();
        this.policyId = policyId;
        this.policyVersion = policyVersion;
        submittedAt = now;
        decidedAt = null;
    }

    void approved(Instant now) {
        requireSubmitted();
        status = PurchaseRequestStatus.APPROVED;
        decidedAt = now;
    }

    void rejected(Instant now) {
        requireSubmitted();
        status = PurchaseRequestStatus.REJECTED;
        decidedAt = now;
    }

    /** An approver asked for changes: back to the requester as a draft, to be submitted again in a new round. */
    void returnedForChanges() {
        requireSubmitted();
        status = PurchaseRequestStatus.DRAFT;
    }

    /** Approved → ordered: its purchase order holds the money now. */
    void ordered() {
        if (status != PurchaseRequestStatus.APPROVED) {
            throw new ConflictException("status", "only an approved request is ordered; this request is " + status);
        }
        status = PurchaseRequestStatus.ORDERED;
    }

    /** Approved or ordered → cancelled: nothing more is bought on it, and its money went back to the budget. */
    void cancelled() {
        if (status != PurchaseRequestStatus.APPROVED && status != PurchaseRequestStatus.ORDERED) {
            throw new ConflictException("status", "only an approved or ordered request is cancelled; this request is " + status);
        }
        status = PurchaseRequestStatus.CANCELLED;
    }

    void withdraw(Instant now) {
        requireSubmitted();
        status = PurchaseRequestStatus.WITHDRAWN;
        decidedAt = now;
    }

    /** Lines, steps and decisions live in their own rows; a change of them alone must change this row (and its ETag) too. */
    void touched() {
        edits++;
    }

    String number() {
        return number;
    }

    String title() {
        return title;
    }

    @Nullable
    String justification() {
        return justification;
    }

    @Nullable
    LocalDate neededBy() {
        return neededBy;
    }

    UUID requesterId() {
        return requesterId;
    }

    @Nullable
    UUID departmentId() {
        return departmentId;
    }

    @Nullable
    UUID budgetLineId() {
        return budgetLineId;
    }

    @Nullable
    UUID vendorId() {
        return vendorId;
    }

    ExpenseType expenseType() {
        return expenseType;
    }

    PurchaseRequestStatus status() {
        return status;
    }

    String baseCurrency() {
        return baseCurrency;
    }

    @Nullable
    BigDecimal totalBase() {
        return totalBase;
    }

    @Nullable
    String checkStatus() {
        return checkStatus;
    }

    @Nullable
    BigDecimal checkAvailableAfter() {
        return checkAvailableAfter;
    }

    @Nullable
    Boolean checkExtraApproval() {
        return checkExtraApproval;
    }

    @Nullable
    UUID policyId() {
        return policyId;
    }

    @Nullable
    Integer policyVersion() {
        return policyVersion;
    }

    int round() {
        return round;
    }

    @Nullable
    Instant submittedAt() {
        return submittedAt;
    }

    @Nullable
    Instant decidedAt() {
        return decidedAt;
    }
}
