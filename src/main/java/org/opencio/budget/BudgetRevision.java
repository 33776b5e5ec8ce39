package org.opencio.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/**
 * A change to an approved budget: money moved from one line to another (reallocation) or added to a line
 * (supplement), from a fiscal month to the year end. It changes the plan only once approved.
 */
@Entity
@Table(name = "budget_revisions")
class BudgetRevision extends TenantEntity {

    enum Kind {
        REALLOCATION,
        SUPPLEMENT
    }

    enum Status {
        PROPOSED,
        APPROVED,
        REJECTED
    }

    @Column(name = "budget_id", nullable = false, updatable = false)
    private UUID budgetId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Kind kind;

    @Column(name = "from_line_id", updatable = false)
    private @Nullable UUID fromLineId;

    @Column(name = "to_line_id", nullable = false, updatable = false)
    private UUID toLineId;

    @Column(nullable = false, updatable = false, precision = 19, scale = 4)
    private BigDecimal amount;

    @Column(name = "from_month", nullable = false, updatable = false)
    private int fromMonth;

    @Column(nullable = false, updatable = false)
    private String reason;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PROPOSED;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private UUID requestedBy;

    @Column(name = "decided_by")
    private @Nullable UUID decidedBy;

    @Column(name = "decided_at")
    private @Nullable Instant decidedAt;

    @Column(name = "decision_note")
    private @Nullable String decisionNote;

    protected BudgetRevision() {}

    BudgetRevision(UUID budgetId, Kind kind, @Nullable UUID fromLineId, UUID toLineId, BigDecimal amount, int fromMonth, String reason, UUID requestedBy) {
        this.budgetId = budgetId;
        this.kind = kind;
        this.fromLineId = fromLineId;
        this.toLineId = toLineId;
        this.amount = amount;
        this.fromMonth = fromMonth;
        this.reason = reason.trim();
        this.requestedBy = requestedBy;
    }

    void decide(boolean approved, UUID decider, @Nullable String note, Instant now) {
        if (status != Status.PROPOSED) {
            throw new ConflictException("status", "the revision was already " + status.name().toLowerCase());
        }
        status = approved ? Status.APPROVED : Status.REJECTED;
        decidedBy = decider;
        decidedAt = now;
        decisionNote = note;
    }

    UUID budgetId() {
        return budgetId;
    }

    Kind kind() {
        return kind;
    }

    @Nullable
    UUID fromLineId() {
        return fromLineId;
    }

    UUID toLineId() {
        return toLineId;
    }

    BigDecimal amount() {
        return amount;
    }

    int fromMonth() {
        return fromMonth;
    }

    RevisionView view() {
        return new RevisionView(getId(), kind.name(), fromLineId, toLineId, amount, fromMonth, reason, status.name(), requestedBy,
                decidedBy, decidedAt, decisionNote, createdAt(), version());
    }
}
