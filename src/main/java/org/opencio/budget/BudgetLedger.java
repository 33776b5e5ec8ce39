package org.opencio.budget;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.rates.ExchangeRateManagement;
import org.opencio.budget.rates.RateBook;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.CurrentUser;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Checks;
import org.opencio.shared.Ids;
import org.opencio.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public budget API through which purchases, contracts, invoices and imports move money through the stages.
 * Every call names its source document and is idempotent by it: a repeated event never counts twice. The line is
 * locked for the length of the call, so concurrent reservations cannot together take a blocking line over plan.
 * Callers check their own permissions; the ledger records what they did in the audit trail.
 */
@Service
public class BudgetLedger {

    private final BudgetLines lines;
    private final Budgets budgets;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final BudgetAlerts alerts;
    private final ExchangeRateManagement rates;
    private final EntityManager entityManager;

    BudgetLedger(
            BudgetLines lines,
            Budgets budgets,
            JdbcClient jdbc,
            AuditTrail audit,
            BudgetAlerts alerts,
            ExchangeRateManagement rates,
            EntityManager entityManager) {
        this.rates = rates;
        this.entityManager = entityManager;
        this.lines = lines;
        this.budgets = budgets;
        this.jdbc = jdbc;
        this.audit = audit;
        this.alerts = alerts;
    }

    /** What adding {@code amount} to the line would mean, without changing anything. */
    @Transactional(readOnly = true)
    public BudgetCheck check(UUID lineId, BigDecimal amount) {
        positive(amount);
        BudgetLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        Budget budget = budgetOf(line);
        return SpendRule.check(line, amount, budget.warnPercent(), budget.currency());
    }

    /** Pre-commits money for a submitted request; refused on a blocking line that it would take over plan. */
    @Transactional
    public MovementResult reserve(UUID lineId, BigDecimal amount, SourceDocument source, @Nullable String description) {
        return spend(lineId, amount, Stage.RESERVED, source, null, null, description, LocalDate.now(), null);
    }

    /** Gives back what a source reserved and has not yet released (a rejected or withdrawn request). */
    @Transactional
    public MovementResult release(UUID lineId, SourceDocument source) {
        BudgetLine line = lock(lineId);
        Budget budget = budgetOf(line);
        BigDecimal open = openAmount(line, Stage.RESERVED, source);
        BudgetCheck check = SpendRule.check(line, open.negate(), budget.warnPercent(), budget.currency());
        String key = "RELEASE:" + source.type() + ":" + source.id();
        if (exists(key) || open.signum() == 0) {
            return new MovementResult(check, true);
        }
        move(line, budget, Stage.RESERVED, open.negate(), source, key, "released", LocalDate.now(), null);
        alerts.afterChange(line, budget);
        return new MovementResult(check, false);
    }

    /**
     * Gives back what a source committed and no actual has settled yet (a contract terminated or ended, an order
     * cancelled). Idempotent: a repeat, or a source with nothing open, changes nothing.
     */
    @Transactional
    public MovementResult releaseCommitment(UUID lineId, SourceDocument source) {
        BudgetLine line = lock(lineId);
        Budget budget = budgetOf(line);
        BigDecimal open = openAmount(line, Stage.COMMITTED, source);
        BudgetCheck check = SpendRule.check(line, open.negate(), budget.warnPercent(), budget.currency());
        String key = "RELEASE:" + Stage.COMMITTED.name() + ":" + source.type() + ":" + source.id();
        if (exists(key) || open.signum() <= 0) {
            return new MovementResult(check, true);
        }
        move(line, budget, Stage.COMMITTED, open.negate(), source, key, "released", LocalDate.now(), null);
        alerts.afterChange(line, budget);
        return new MovementResult(check, false);
    }

    /** Commits money (an approved order, a signed contract), releasing the reservation it came from, if any. */
    @Transactional
    public MovementResult commit(
            UUID lineId, BigDecimal amount, SourceDocument source, @Nullable SourceDocument fromReservation, @Nullable String description) {
        return spend(lineId, amount, Stage.COMMITTED, source, fromReservation, null, description, LocalDate.now(), null);
    }

    /**
     * Records money spent on {@code date} (an invoice, an expense), relieving the commitment it settles, if any. Actual
     * money is never refused: it has been spent.
     */
    @Transactional
    public MovementResult recordActual(
            UUID lineId,
            BigDecimal amount,
            LocalDate date,
            SourceDocument source,
            @Nullable SourceDocument settlesCommitment,
            @Nullable String description) {
        return recordActual(lineId, amount, date, source, settlesCommitment, description, null);
    }

    /**
     * As {@link #recordActual(UUID, BigDecimal, LocalDate, SourceDocument, SourceDocument, String)}, for money spent in
     * another currency: {@code amount} is already converted into the budget's currency, {@code original} is what it was
     * and the rate that converted it, kept on the movement.
     */
    @Transactional
    public MovementResult recordActual(
            UUID lineId,
            BigDecimal amount,
            LocalDate date,
            SourceDocument source,
            @Nullable SourceDocument settlesCommitment,
            @Nullable String description,
            @Nullable ForeignAmount original) {
        return spend(lineId, amount, Stage.ACTUAL, source, settlesCommitment, null, description, date, original);
    }

    /**
     * As above, settling a stated part of the commitment rather than as much as the actual: an invoice for some of an
     * order's lines settles what those lines were ordered for, whatever price the invoice names. What is left of the
     * commitment stays until a later actual settles it or {@link #releaseCommitment} gives it back.
     */
    @Transactional
    public MovementResult recordActual(
            UUID lineId,
            BigDecimal amount,
            LocalDate date,
            SourceDocument source,
            SourceDocument settlesCommitment,
            BigDecimal settles,
            @Nullable String description,
            @Nullable ForeignAmount original) {
        return spend(lineId, amount, Stage.ACTUAL, source, settlesCommitment, settles, description, date, original);
    }

    private MovementResult spend(
            UUID lineId,
            BigDecimal amount,
            Stage stage,
            SourceDocument source,
            @Nullable SourceDocument previous,
            @Nullable BigDecimal settles,
            @Nullable String description,
            LocalDate date,
            @Nullable ForeignAmount original) {
        positive(amount);
        BudgetLine line = lock(lineId);
        Budget budget = budgetOf(line);
        String key = source.key(stage);
        // What moves out of the previous stage does not count against the line twice.
        BigDecimal freed = BigDecimal.ZERO;
        Stage previousStage = stage == Stage.ACTUAL ? Stage.COMMITTED : Stage.RESERVED;
        if (previous != null && stage != Stage.RESERVED) {
            freed = openAmount(line, previousStage, previous).min(settles == null ? amount : settles.max(BigDecimal.ZERO));
        }
        BudgetCheck check = SpendRule.check(line, amount.subtract(freed), budget.warnPercent(), budget.currency());
        if (exists(key)) {
            return new MovementResult(check, true);
        }
        if (stage != Stage.ACTUAL && !check.allowed()) {
            throw new BudgetExceededException(check);
        }
        if (freed.signum() > 0) {
            move(line, budget, previousStage, freed.negate(), previous, "SETTLE:" + key, "moved to " + stage.name().toLowerCase(), date, null);
        }
        move(line, budget, stage, amount, source, key, description, date, original);
        // Judged once both moves are done: money passing from one stage to the next is no new crossing.
        alerts.afterChange(line, budget);
        return new MovementResult(check, false);
    }

    private void move(
            BudgetLine line,
            Budget budget,
            Stage stage,
            BigDecimal amount,
            SourceDocument source,
            String key,
            @Nullable String description,
            LocalDate date,
            @Nullable ForeignAmount original) {
        int month = Math.max(1, Math.min(12, budget.fiscalMonthOf(date)));
        UUID orgId = TenantContext.requireOrgId();
        jdbc.sql("insert into budget_movements (id, org_id, line_id, stage, amount, fiscal_month, source_type, source_id, source_key, "
                        + "description, created_at, created_by, original_amount, original_currency, exchange_rate) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(Ids.newId(), orgId, line.getId(), stage.name(), amount, month, source.type(), source.id(), key,
                        description, Timestamp.from(Instant.now()), CurrentUser.get().map(p -> p.accountId()).orElse(null),
                        original == null ? null : original.amount(), original == null ? null : original.currency(),
                        original == null ? null : original.rate())
                .update();
        if (stage == Stage.ACTUAL) {
            addActual(orgId, line.getId(), month, amount);
        }
        line.add(stage, amount);
        lines.saveAndFlush(line);
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("amount", amount);
        after.put("month", month);
        after.put("source", source.type() + ":" + source.id());
        if (original != null) {
            after.put("originalAmount", original.amount());
            after.put("originalCurrency", original.currency());
            after.put("exchangeRate", original.rate());
        }
        audit.record("budget." + stage.name().toLowerCase(), "BudgetLine", line.getId(), null, after);
    }

    /**
     * What an import needs to know of a fiscal year's budget: its currency, its months, its open lines by code
     * (archived lines are left out, so that nothing lands where the grid does not show it), and the organization's
     * exchange rates into its currency.
     */
    public record ImportTarget(
            UUID budgetId,
            int fiscalYear,
            String currency,
            int startMonth,
            UUID unallocatedLineId,
            Map<String, UUID> linesByCode,
            RateBook rates) {

        /** The fiscal month (1–12) a date falls in, or 0 before the year and 13 after it. */
        public int fiscalMonthOf(LocalDate date) {
            java.time.YearMonth first = java.time.YearMonth.of(fiscalYear, startMonth);
            long diff = first.until(java.time.YearMonth.from(date), java.time.temporal.ChronoUnit.MONTHS);
            return (int) Math.max(0, Math.min(13, diff + 1));
        }

        public LocalDate firstDay() {
            return java.time.YearMonth.of(fiscalYear, startMonth).atDay(1);
        }

        public LocalDate lastDay() {
            return java.time.YearMonth.of(fiscalYear, startMonth).plusMonths(11).atEndOfMonth();
        }
    }

    /** The budget of a fiscal year as an import sees it, in the current organization; callers check permissions. */
    @Transactional(readOnly = true)
    public java.util.Optional<ImportTarget> importTarget(int fiscalYear) {
        return budgets.findByFiscalYear(fiscalYear).map(budget -> {
            Map<String, UUID> byCode = new java.util.HashMap<>();
            UUID unallocated = null;
            for (BudgetLine line : lines.findByBudgetIdOrderByCode(budget.getId())) {
                if (line.unallocated()) {
                    unallocated = line.getId();
                } else if (!line.archived()) {
                    byCode.put(line.code(), line.getId());
                }
            }
            if (unallocated == null) {
                throw new IllegalStateException("budget " + budget.getId() + " has no unallocated line");
            }
            return new ImportTarget(budget.getId(), budget.fiscalYear(), budget.currency(), budget.startMonth(), unallocated,
                    Map.copyOf(byCode), rates.book(budget.currency()));
        });
    }

    /**
     * Records the actual money of one import at once: for each line, a movement per fiscal month with its amount (which
     * may be negative: credits and refunds), the month totals, the line's running actual and its alert level, and one
     * audit event for the whole import. Lines are locked in id order, so imports and other ledger calls cannot
     * deadlock. Runs in the caller's transaction, so the import and its effect on the budget commit together; a repeat
     * for the same import changes nothing and answers false.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean recordImportedActuals(
            UUID importId, UUID budgetId, Map<UUID, BigDecimal[]> amountsByLine, @Nullable UUID actorId, String actorName, String description) {
        UUID orgId = TenantContext.requireOrgId();
        String prefix = Stage.ACTUAL.name() + ":cost-import:" + importId + ":";
        boolean repeated = jdbc.sql("select count(*) from budget_movements where org_id = ? and source_type = 'cost-import' and source_id = ?")
                        .params(orgId, importId.toString())
                        .query(Long.class)
                        .single() > 0;
        if (repeated) {
            return false;
        }
        Budget budget = budgets.findById(budgetId).orElseThrow(() -> new NotFoundException("Budget"));
        Map<String, Object> applied = new java.util.LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (UUID lineId : new java.util.TreeSet<>(amountsByLine.keySet())) {
            BudgetLine line = lock(lineId);
            if (!line.budgetId().equals(budgetId)) {
                throw new NotFoundException("Budget line");
            }
            BigDecimal[] months = amountsByLine.get(lineId);
            BigDecimal lineTotal = BigDecimal.ZERO;
            for (int m = 1; m <= months.length && m <= 12; m++) {
                BigDecimal amount = months[m - 1];
                if (amount == null || amount.signum() == 0) {
                    continue;
                }
                amount = amount.setScale(4, java.math.RoundingMode.HALF_EVEN);
                jdbc.sql("insert into budget_movements (id, org_id, line_id, stage, amount, fiscal_month, source_type, source_id, "
                                + "source_key, description, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(Ids.newId(), orgId, lineId, Stage.ACTUAL.name(), amount, m, "cost-import", importId.toString(),
                                prefix + lineId + ":" + m, description, Timestamp.from(Instant.now()), actorId)
                        .update();
                addActual(orgId, lineId, m, amount);
                lineTotal = lineTotal.add(amount);
            }
            line.add(Stage.ACTUAL, lineTotal);
            alerts.afterChange(line, budget);
            lines.saveAndFlush(line);
            applied.put(line.code(), lineTotal);
            total = total.add(lineTotal);
        }
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("fiscalYear", budget.fiscalYear());
        after.put("total", total);
        after.put("lines", applied);
        after.put("description", description);
        audit.recordFor(orgId, actorId, actorName, "budget.actuals-imported", "CostImport", importId, null, after);
        return true;
    }

    /** Adds to the per-month actual total of a line; the caller holds the line's lock. */
    void addActual(UUID orgId, UUID lineId, int month, BigDecimal amount) {
        int updated = jdbc.sql("update budget_actual_totals set amount = amount + ? where line_id = ? and fiscal_month = ?")
                .params(amount, lineId, month)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into budget_actual_totals (org_id, line_id, fiscal_month, amount) values (?, ?, ?, ?)")
                    .params(orgId, lineId, month, amount)
                    .update();
        }
    }

    /**
     * What a source still holds in a stage: its own movements there, less what was released or moved on from it
     * (those movements name the same source).
     */
    private BigDecimal openAmount(BudgetLine line, Stage stage, SourceDocument source) {
        return jdbc.sql("select coalesce(sum(amount), 0) from budget_movements where org_id = ? and line_id = ? "
                        + "and stage = ? and source_type = ? and source_id = ?")
                .params(TenantContext.requireOrgId(), line.getId(), stage.name(), source.type(), source.id())
                .query(BigDecimal.class)
                .single();
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from budget_movements where org_id = ? and source_key = ?")
                        .params(TenantContext.requireOrgId(), key)
                        .query(Long.class)
                        .single() > 0;
    }

    private BudgetLine lock(UUID lineId) {
        // A line this transaction read before (a purchase request's validation reads it) is in the persistence context
        // as it was then; a locking query would find a newer version in the row and fail (412) instead of waiting for the
        // other reservations and judging this one on their totals. Refreshing with the lock reads the row once, locked.
        BudgetLine line = entityManager.find(BudgetLine.class, lineId);
        if (line == null || !line.orgId().equals(TenantContext.requireOrgId())) {
            throw new NotFoundException("Budget line");
        }
        entityManager.refresh(line, LockModeType.PESSIMISTIC_WRITE);
        return line;
    }

    private Budget budgetOf(BudgetLine line) {
        return budgets.findById(line.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
    }

    private static void positive(@Nullable BigDecimal amount) {
        new Checks().required("amount", amount).throwIfAny();
        new Checks().rule(amount.signum() > 0, "amount", "positive", "amount must be greater than zero")
                .money("amount", amount)
                .throwIfAny();
    }

    static ZoneId zone() {
        return ZoneId.of(TenantContext.access().map(a -> a.timeZone()).orElse("UTC"));
    }
}
