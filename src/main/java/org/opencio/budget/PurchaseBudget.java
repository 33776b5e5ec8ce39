package org.opencio.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.rates.ExchangeRateManagement;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What purchases need to know of the budget while a request is written and submitted: whether the lines and cost
 * categories it names exist, which line to suggest, and the rate that converts a foreign price into the base currency.
 * Answers for the current organization; callers check their own permissions (any member may write a request).
 */
@Service
public class PurchaseBudget {

    /** A budget line as a request sees it. */
    public record LineFacts(
            UUID id,
            String code,
            String description,
            int fiscalYear,
            String currency,
            @Nullable UUID departmentId,
            @Nullable UUID costPoolId,
            @Nullable UUID towerId,
            ExpenseType expenseType,
            @Nullable UUID ownerId,
            boolean archived) {}

    private final BudgetLines lines;
    private final Budgets budgets;
    private final CostCategories categories;
    private final ExchangeRateManagement rates;

    PurchaseBudget(BudgetLines lines, Budgets budgets, CostCategories categories, ExchangeRateManagement rates) {
        this.lines = lines;
        this.budgets = budgets;
        this.categories = categories;
        this.rates = rates;
    }

    @Transactional(readOnly = true)
    public Optional<LineFacts> line(UUID id) {
        return lines.findById(id).flatMap(l -> budgets.findById(l.budgetId()).map(b -> facts(l, b)));
    }

    /** Whether the id names a cost category (pool or tower) of the organization that is not retired. */
    @Transactional(readOnly = true)
    public boolean isCategory(UUID id) {
        return categories.findById(id).filter(c -> !c.retired()).isPresent();
    }

    /** The cost categories a request's lines may name (not retired), pools first, by code, for the request form. */
    @Transactional(readOnly = true)
    public java.util.List<CostCategoryView> categories() {
        return categories.findAllByOrderByKindAscCodeAsc().stream().filter(c -> !c.retired()).map(CostCategory::view).toList();
    }

    /**
     * The open line of the budget covering {@code day} that best fits a department and a cost category: both match,
     * else the department, else the category; the unallocated line is never suggested.
     */
    @Transactional(readOnly = true)
    public Optional<LineFacts> suggest(@Nullable UUID departmentId, @Nullable UUID categoryId, LocalDate day) {
        return openLines(day).stream()
                .filter(l -> score(l, departmentId, categoryId) > 0)
                .max(Comparator.comparingInt((LineFacts l) -> score(l, departmentId, categoryId))
                        .thenComparing(LineFacts::code, Comparator.reverseOrder()));
    }

    /** The open lines of the budget covering {@code day}, by code, for a request's choice of line. */
    @Transactional(readOnly = true)
    public java.util.List<LineFacts> openLines(LocalDate day) {
        return budgets.findAllByOrderByFiscalYearDesc().stream()
                .filter(b -> b.fiscalMonthOf(day) >= 1 && b.fiscalMonthOf(day) <= 12)
                .findFirst()
                .map(b -> lines.findByBudgetIdOrderByCode(b.getId()).stream()
                        .filter(l -> !l.unallocated() && !l.archived())
                        .map(l -> facts(l, b))
                        .toList())
                .orElse(java.util.List.of());
    }

    /** Units of the organization's base currency one unit of {@code currency} is worth on {@code day}; null without a rate. */
    @Transactional(readOnly = true)
    public @Nullable BigDecimal rateToBase(String currency, LocalDate day) {
        String base = TenantContext.requireAccess().baseCurrency();
        if (base.equals(currency)) {
            return BigDecimal.ONE;
        }
        return rates.book(base).rateOn(currency, day);
    }

    private static int score(LineFacts l, @Nullable UUID departmentId, @Nullable UUID categoryId) {
        boolean dept = departmentId != null && departmentId.equals(l.departmentId());
        boolean cat = categoryId != null && (categoryId.equals(l.costPoolId()) || categoryId.equals(l.towerId()));
        return (dept ? 2 : 0) + (cat ? 1 : 0);
    }

    private static LineFacts facts(BudgetLine l, Budget b) {
        return new LineFacts(l.getId(), l.code(), l.description(), b.fiscalYear(), b.currency(), l.departmentId(), l.costPoolId(),
                l.towerId(), l.expenseType(), l.ownerId(), l.archived());
    }
}
