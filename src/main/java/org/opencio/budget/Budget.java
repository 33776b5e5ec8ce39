package org.opencio.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;
import org.opencio.shared.ConflictException;

/** The IT budget of one fiscal year. Its status decides what may change. */
@Entity
@Table(name = "budgets")
class Budget extends TenantEntity {

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    private int fiscalYear;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "start_month", nullable = false, updatable = false)
    private int startMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BudgetStatus status = BudgetStatus.DRAFT;

    @Column(name = "warn_percent", nullable = false, precision = 5, scale = 2)
    private BigDecimal warnPercent;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "approved_at")
    private @Nullable Instant approvedAt;

    @Column(name = "approved_by")
    private @Nullable UUID approvedBy;

    protected Budget() {}

    Budget(int fiscalYear, String name, String currency, int startMonth, BigDecimal warnPercent) {
        this.fiscalYear = fiscalYear;
        this.name = name.trim();
        this.currency = currency;
        this.startMonth = startMonth;
        this.warnPercent = warnPercent;
    }

    void submit(Instant now) {
        require(BudgetStatus.DRAFT, "only a draft budget can be submitted");
        status = BudgetStatus.SUBMITTED;
        submittedAt = now;
    }

    void approve(UUID approver, Instant now) {
        require(BudgetStatus.SUBMITTED, "only a submitted budget can be approved");
        status = BudgetStatus.APPROVED;
        approvedAt = now;
        approvedBy = approver;
    }

    /** Sends a submitted budget back to its author for changes. */
    void returnToDraft() {
        require(BudgetStatus.SUBMITTED, "only a submitted budget can be returned");
        status = BudgetStatus.DRAFT;
        submittedAt = null;
    }

    void rename(String name, BigDecimal warnPercent) {
        this.name = name.trim();
        this.warnPercent = warnPercent;
    }

    boolean editable() {
        return status == BudgetStatus.DRAFT;
    }

    void requireEditable() {
        if (!editable()) {
            throw new ConflictException("status", "the budget is " + status.name().toLowerCase()
                    + "; after approval, change it through a revision");
        }
    }

    private void require(BudgetStatus expected, String message) {
        if (status != expected) {
            throw new ConflictException("status", message + " (it is " + status.name().toLowerCase() + ")");
        }
    }

    /** The calendar month of fiscal month {@code index} (1–12). */
    YearMonth month(int index) {
        return YearMonth.of(fiscalYear, startMonth).plusMonths(index - 1L);
    }

    /** The fiscal month (1–12) a date falls in, or 0 before the year and 13 after it. */
    int fiscalMonthOf(LocalDate date) {
        YearMonth first = YearMonth.of(fiscalYear, startMonth);
        long diff = first.until(YearMonth.from(date), java.time.temporal.ChronoUnit.MONTHS);
        return (int) Math.max(0, Math.min(13, diff + 1));
    }

    int fiscalYear() {
        return fiscalYear;
    }

    String name() {
        return name;
    }

    String currency() {
        return currency;
    }

    int startMonth() {
        return startMonth;
    }

    BudgetStatus status() {
        return status;
    }

    BigDecimal warnPercent() {
        return warnPercent;
    }

    @Nullable
    Instant approvedAt() {
        return approvedAt;
    }

    @Nullable
    UUID approvedBy() {
        return approvedBy;
    }

    record Snapshot(int fiscalYear, String name, String currency, BudgetStatus status, BigDecimal warnPercent) {}

    Snapshot snapshot() {
        return new Snapshot(fiscalYear, name, currency, status, warnPercent);
    }
}
