package org.opencio.budget;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.persistence.TenantEntity;

/**
 * One line of the budget: what the money is for, where it is booked, its plan per month, and how much of it is
 * reserved, committed and spent. The stage totals change only through {@link BudgetLedger}.
 */
@Entity
@Table(name = "budget_lines")
class BudgetLine extends TenantEntity {

    static final String UNALLOCATED_CODE = "UNALLOCATED";

    @Column(name = "budget_id", nullable = false, updatable = false)
    private UUID budgetId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String description;

    @Column(name = "department_id")
    private @Nullable UUID departmentId;

    @Column(name = "cost_pool_id")
    private @Nullable UUID costPoolId;

    @Column(name = "tower_id")
    private @Nullable UUID towerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "expense_type", nullable = false)
    private ExpenseType expenseType;

    @Column(name = "vendor_id")
    private @Nullable UUID vendorId;

    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SpendPolicy policy;

    @Enumerated(EnumType.STRING)
    @Column(name = "forecast_method", nullable = false)
    private ForecastMethod forecastMethod;

    @Column(nullable = false, updatable = false)
    private boolean unallocated;

    @Column(name = "original_plan", nullable = false, precision = 19, scale = 4)
    private BigDecimal originalPlan = BigDecimal.ZERO;

    @Embedded
    private MonthlyPlan plan;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal reserved = BigDecimal.ZERO;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal committed = BigDecimal.ZERO;

    @Column(nullable = false, precision = 19, scale = 4)
    private BigDecimal actual = BigDecimal.ZERO;

    @Column(name = "alert_level", nullable = false)
    private String alertLevel = "OK";

    @Column(nullable = false)
    private boolean archived;

    protected BudgetLine() {}

    BudgetLine(UUID budgetId, String code, boolean unallocated) {
        this.budgetId = budgetId;
        this.code = code;
        this.unallocated = unallocated;
        this.description = unallocated ? "Unallocated cost" : "";
        this.expenseType = ExpenseType.OPEX;
        this.policy = SpendPolicy.WARN;
        this.forecastMethod = ForecastMethod.RUN_RATE;
        this.plan = new MonthlyPlan(new BigDecimal[] {
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
        });
    }

    void describe(
            String description,
            @Nullable UUID departmentId,
            @Nullable UUID costPoolId,
            @Nullable UUID towerId,
            ExpenseType expenseType,
            @Nullable UUID vendorId,
            @Nullable UUID ownerId,
            SpendPolicy policy,
            ForecastMethod forecastMethod) {
        this.description = description.trim();
        this.departmentId = departmentId;
        this.costPoolId = costPoolId;
        this.towerId = towerId;
        this.expenseType = expenseType;
        this.vendorId = vendorId;
        this.ownerId = ownerId;
        this.policy = policy;
        this.forecastMethod = forecastMethod;
    }

    /** Sets the plan while the budget is a draft; the original plan follows it until approval. */
    void plan(BigDecimal[] months) {
        plan.replace(months);
        originalPlan = plan.total();
    }

    /** Moves plan money in (positive) or out (negative) of the months from {@code fromMonth} to the year end. */
    void revise(BigDecimal delta, int fromMonth, String currency) {
        BigDecimal[] months = plan.toArray();
        BigDecimal[] parts = Phasing.spread(delta.abs(), Phasing.MONTHS - fromMonth + 1, currency);
        for (int i = 0; i < parts.length; i++) {
            BigDecimal change = delta.signum() < 0 ? parts[i].negate() : parts[i];
            months[fromMonth - 1 + i] = months[fromMonth - 1 + i].add(change);
        }
        plan.replace(months);
    }

    /** Whether the months from {@code fromMonth} on hold enough plan to give {@code amount} away as {@link #revise} would. */
    boolean canGive(BigDecimal amount, int fromMonth, String currency) {
        BigDecimal[] parts = Phasing.spread(amount, Phasing.MONTHS - fromMonth + 1, currency);
        for (int i = 0; i < parts.length; i++) {
            if (plan.get(fromMonth + i).compareTo(parts[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    void add(Stage stage, BigDecimal amount) {
        switch (stage) {
            case RESERVED -> reserved = reserved.add(amount);
            case COMMITTED -> committed = committed.add(amount);
            case ACTUAL -> actual = actual.add(amount);
        }
    }

    BigDecimal total(Stage stage) {
        return switch (stage) {
            case RESERVED -> reserved;
            case COMMITTED -> committed;
            case ACTUAL -> actual;
        };
    }

    BigDecimal planTotal() {
        return plan.total();
    }

    /** Plan − reserved − committed − actual. */
    BigDecimal available() {
        return planTotal().subtract(reserved).subtract(committed).subtract(actual);
    }

    void archive() {
        archived = true;
    }

    void alertLevel(String level) {
        this.alertLevel = level;
    }

    String alertLevel() {
        return alertLevel;
    }

    UUID budgetId() {
        return budgetId;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    @Nullable
    UUID departmentId() {
        return departmentId;
    }

    @Nullable
    UUID ownerId() {
        return ownerId;
    }

    SpendPolicy policy() {
        return policy;
    }

    ForecastMethod forecastMethod() {
        return forecastMethod;
    }

    @Nullable
    UUID costPoolId() {
        return costPoolId;
    }

    @Nullable
    UUID towerId() {
        return towerId;
    }

    ExpenseType expenseType() {
        return expenseType;
    }

    boolean unallocated() {
        return unallocated;
    }

    boolean archived() {
        return archived;
    }

    BigDecimal originalPlan() {
        return originalPlan;
    }

    MonthlyPlan monthlyPlan() {
        return plan;
    }

    record Snapshot(
            String code,
            String description,
            @Nullable UUID departmentId,
            @Nullable UUID costPoolId,
            @Nullable UUID towerId,
            ExpenseType expenseType,
            @Nullable UUID vendorId,
            @Nullable UUID ownerId,
            SpendPolicy policy,
            ForecastMethod forecastMethod,
            List<BigDecimal> months,
            boolean archived) {}

    Snapshot snapshot() {
        return new Snapshot(code, description, departmentId, costPoolId, towerId, expenseType, vendorId, ownerId, policy,
                forecastMethod, List.of(plan.toArray()), archived);
    }
}
