package org.opencio.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.organization.DepartmentManagement;
import org.opencio.organization.MemberManagement;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.budget.rates.ExchangeRateManagement;
import org.opencio.budget.rates.RateBook;
import org.opencio.platform.audit.AuditTrail;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.Checks;
import org.opencio.shared.ConflictException;
import org.opencio.shared.Ids;
import org.opencio.shared.InvalidInputException;
import org.opencio.shared.Money;
import org.opencio.shared.NotFoundException;
import org.opencio.shared.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Drafting, approving and reading the IT budget of a fiscal year, line by line and month by month. */
@Service
public class BudgetManagement {

    private final Budgets budgets;
    private final BudgetLines lines;
    private final CostCategoryManagement categories;
    private final DepartmentManagement departments;
    private final MemberManagement members;
    private final OrganizationManagement organizations;
    private final BudgetLedger ledger;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final BudgetVendors vendors;
    private final ExchangeRateManagement rates;

    BudgetManagement(
            Budgets budgets,
            BudgetLines lines,
            CostCategoryManagement categories,
            DepartmentManagement departments,
            MemberManagement members,
            OrganizationManagement organizations,
            BudgetLedger ledger,
            AuditTrail audit,
            JdbcClient jdbc,
            BudgetVendors vendors,
            ExchangeRateManagement rates) {
        this.vendors = vendors;
        this.rates = rates;
        this.budgets = budgets;
        this.lines = lines;
        this.categories = categories;
        this.departments = departments;
        this.members = members;
        this.organizations = organizations;
        this.ledger = ledger;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ---- budgets

    @Transactional(readOnly = true)
    public List<BudgetView> budgets() {
        Access.require(Permission.BUDGET_VIEW);
        return budgets.findAllByOrderByFiscalYearDesc().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public BudgetView budget(int fiscalYear) {
        Access.require(Permission.BUDGET_VIEW);
        return view(find(fiscalYear));
    }

    @Transactional
    public BudgetView create(CreateBudget command) {
        Access.require(Permission.BUDGET_MANAGE);
        var checks = new Checks()
                .range("fiscalYear", command.fiscalYear(), 2000, 2100)
                .text("name", command.name(), 200, false);
        warnPercent(checks, command.warnPercent());
        checks.throwIfAny();
        if (budgets.findByFiscalYear(command.fiscalYear()).isPresent()) {
            throw new ConflictException("fiscalYear", "a budget for fiscal year " + command.fiscalYear() + " exists");
        }
        OrganizationView org = organizations.current();
        String name = command.name() == null || command.name().isBlank()
                ? "IT budget " + label(command.fiscalYear(), org.fiscalYearStartMonth())
                : command.name();
        var budget = new Budget(command.fiscalYear(), name, org.baseCurrency(), org.fiscalYearStartMonth(),
                command.warnPercent() == null ? BigDecimal.valueOf(80) : command.warnPercent());
        budgets.saveAndFlush(budget);
        // Cost that no rule maps to a line lands here, visible, never lost.
        lines.saveAndFlush(new BudgetLine(budget.getId(), BudgetLine.UNALLOCATED_CODE, true));
        audit.record("budget.created", "Budget", budget.getId(), null, budget.snapshot());
        return view(budget);
    }

    @Transactional
    public BudgetView update(int fiscalYear, @Nullable String name, @Nullable BigDecimal warnPercent, long expectedVersion) {
        Access.require(Permission.BUDGET_MANAGE);
        Budget budget = find(fiscalYear);
        Versions.check(expectedVersion, budget.version());
        var checks = new Checks().text("name", name, 200, true).required("warnPercent", warnPercent);
        warnPercent(checks, warnPercent);
        checks.throwIfAny();
        var before = budget.snapshot();
        budget.rename(name, warnPercent);
        budgets.saveAndFlush(budget);
        audit.record("budget.updated", "Budget", budget.getId(), before, budget.snapshot());
        return view(budget);
    }

    @Transactional
    public BudgetView submit(int fiscalYear, @Nullable String reason) {
        Access.require(Permission.BUDGET_MANAGE);
        return transition(fiscalYear, "budget.submitted", reason, b -> b.submit(Instant.now()));
    }

    @Transactional
    public BudgetView approve(int fiscalYear, @Nullable String reason) {
        OrgAccess caller = Access.require(Permission.BUDGET_APPROVE);
        return transition(fiscalYear, "budget.approved", reason, b -> b.approve(caller.accountId(), Instant.now()));
    }

    @Transactional
    public BudgetView returnToDraft(int fiscalYear, @Nullable String reason) {
        Access.require(Permission.BUDGET_APPROVE);
        new Checks().text("reason", reason, 1000, true).throwIfAny();
        return transition(fiscalYear, "budget.returned", reason, Budget::returnToDraft);
    }

    private BudgetView transition(int fiscalYear, String action, @Nullable String reason, java.util.function.Consumer<Budget> change) {
        Budget budget = find(fiscalYear);
        var before = budget.snapshot();
        change.accept(budget);
        budgets.saveAndFlush(budget);
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("state", budget.snapshot());
        if (reason != null && !reason.isBlank()) {
            after.put("reason", reason);
        }
        audit.record(action, "Budget", budget.getId(), before, after);
        return view(budget);
    }

    // ---- lines

    @Transactional
    public BudgetLineView addLine(int fiscalYear, SaveBudgetLine command) {
        Access.require(Permission.BUDGET_MANAGE);
        Budget budget = find(fiscalYear);
        budget.requireEditable();
        validate(command, budget, null);
        String code = command.code().trim();
        if (lines.findByBudgetIdAndCode(budget.getId(), code).isPresent()) {
            throw new ConflictException("code", "the budget has a line with the code '" + code + "'");
        }
        var line = new BudgetLine(budget.getId(), code, false);
        describe(line, command);
        line.plan(phasing(command, budget));
        lines.saveAndFlush(line);
        audit.record("budget-line.created", "BudgetLine", line.getId(), null, line.snapshot());
        return line(budget, line.getId());
    }

    /**
     * Changes a line. While the budget is a draft everything may change; after that the plan changes only through
     * revisions, and a {@code months}/{@code amount} in the request is refused.
     */
    @Transactional
    public BudgetLineView updateLine(UUID lineId, SaveBudgetLine command, long expectedVersion) {
        Access.require(Permission.BUDGET_MANAGE);
        BudgetLine line = lines.findById(lineId).filter(l -> !l.unallocated()).orElseThrow(() -> new NotFoundException("Budget line"));
        Versions.check(expectedVersion, line.version());
        Budget budget = budgets.findById(line.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
        boolean replan = command.amount() != null || command.months() != null;
        if (replan) {
            budget.requireEditable();
        }
        validate(command, budget, line);
        if (command.code() != null && !command.code().trim().equals(line.code())) {
            throw new ConflictException("code", "a line's code cannot change");
        }
        var before = line.snapshot();
        describe(line, command);
        if (replan) {
            line.plan(phasing(command, budget));
        }
        lines.saveAndFlush(line);
        audit.record("budget-line.updated", "BudgetLine", lineId, before, line.snapshot());
        return line(budget, lineId);
    }

    @Transactional(readOnly = true)
    public BudgetLineView line(UUID lineId) {
        Access.require(Permission.BUDGET_VIEW);
        BudgetLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        Budget budget = budgets.findById(line.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
        return line(budget, lineId);
    }

    /** Every line of the year with its stages and months, optionally filtered; the budget grid. */
    @Transactional(readOnly = true)
    public List<BudgetLineView> grid(int fiscalYear, GridFilter filter) {
        Access.require(Permission.BUDGET_VIEW);
        return rows(find(fiscalYear), null, filter);
    }

    /** Money spent by hand (an expense, a correction) in the budget's currency; imports and invoices use their own sources. */
    @Transactional
    public BudgetLineView recordActual(UUID lineId, @Nullable BigDecimal amount, @Nullable LocalDate date, @Nullable String description) {
        return recordActual(lineId, amount, null, date, description);
    }

    /**
     * Money spent by hand, in {@code currency} (the budget's when null). Money in another currency is converted with the
     * organization's exchange rate valid on {@code date}, rounded half-even to four decimals, and keeps its original
     * amount, currency and rate; without a rate for that date it is refused and nothing is recorded.
     */
    @Transactional
    public BudgetLineView recordActual(
            UUID lineId, @Nullable BigDecimal amount, @Nullable String currency, @Nullable LocalDate date, @Nullable String description) {
        Access.require(Permission.ACTUALS_RECORD);
        BudgetLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        Budget budget = budgets.findById(line.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
        String given = currency == null || currency.isBlank() ? budget.currency() : currency.strip().toUpperCase(java.util.Locale.ROOT);
        new Checks().required("date", date).text("description", description, 500, true).currency("currency", given).throwIfAny();
        int month = budget.fiscalMonthOf(date);
        new Checks().rule(month >= 1 && month <= 12, "date", "range", "date must fall in fiscal year " + budget.fiscalYear()).throwIfAny();
        BigDecimal recorded = amount;
        ForeignAmount original = null;
        if (!given.equals(budget.currency())) {
            new Checks().required("amount", amount).money("amount", amount).throwIfAny();
            RateBook book = rates.book(budget.currency());
            BigDecimal rate = book.rateOn(given, date);
            if (rate == null) {
                throw InvalidInputException.of("currency", "no-rate", "an amount in " + given + " on " + date + " cannot be converted: "
                        + book.missing(given, date));
            }
            recorded = amount.multiply(rate).setScale(4, RoundingMode.HALF_EVEN);
            original = new ForeignAmount(amount, given, rate);
        }
        ledger.recordActual(lineId, recorded, date, new SourceDocument("manual", Ids.newId().toString()), null, description, original);
        return line(budget, lineId);
    }

    /**
     * The movements behind a line's figures, newest first: optionally only one stage and one fiscal month (the
     * drill-down from a cell of the grid). At most {@code limit} (1–500) rows.
     */
    @Transactional(readOnly = true)
    public List<MovementView> movements(UUID lineId, @Nullable Stage stage, @Nullable Integer fiscalMonth, int limit) {
        Access.require(Permission.BUDGET_VIEW);
        BudgetLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        new Checks()
                .rule(fiscalMonth == null || (fiscalMonth >= 1 && fiscalMonth <= 12), "month", "range", "month must be between 1 and 12")
                .rule(limit >= 1 && limit <= 500, "limit", "range", "limit must be between 1 and 500")
                .throwIfAny();
        StringBuilder sql = new StringBuilder("select id, line_id, stage, amount, fiscal_month, source_type, source_id, description, "
                + "created_at, created_by, original_amount, original_currency, exchange_rate from budget_movements "
                + "where org_id = :org and line_id = :line");
        Map<String, Object> params = new HashMap<>();
        params.put("org", line.orgId());
        params.put("line", lineId);
        if (stage != null) {
            sql.append(" and stage = :stage");
            params.put("stage", stage.name());
        }
        if (fiscalMonth != null) {
            sql.append(" and fiscal_month = :month");
            params.put("month", fiscalMonth);
        }
        sql.append(" order by created_at desc, id desc limit ").append(limit);
        record Row(UUID id, UUID line, Stage stage, BigDecimal amount, int month, String type, String source, @Nullable String description,
                Instant at, @Nullable UUID by, @Nullable BigDecimal originalAmount, @Nullable String originalCurrency,
                @Nullable BigDecimal rate) {}
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("line_id", UUID.class),
                        Stage.valueOf(rs.getString("stage")),
                        rs.getBigDecimal("amount"),
                        rs.getInt("fiscal_month"),
                        rs.getString("source_type"),
                        rs.getString("source_id"),
                        rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("created_by", UUID.class),
                        rs.getBigDecimal("original_amount"),
                        rs.getString("original_currency"),
                        rs.getBigDecimal("exchange_rate") == null ? null : rs.getBigDecimal("exchange_rate").stripTrailingZeros()))
                .list();
        Map<UUID, String> names = members.displayNames(rows.stream().map(Row::by).filter(java.util.Objects::nonNull).distinct().toList());
        return rows.stream()
                .map(r -> new MovementView(r.id(), r.line(), r.stage(), r.amount(), r.month(), r.type(), r.source(), r.description(),
                        r.at(), r.by(), r.by() == null ? null : names.get(r.by()), r.originalAmount(), r.originalCurrency(), r.rate()))
                .toList();
    }

    /**
     * The imported cost rows behind a line's actual money in one fiscal month, newest first, at most {@code limit}
     * (1–500): the documents behind an imported figure, with their original amounts, currencies and rates.
     */
    @Transactional(readOnly = true)
    public List<ImportedRowView> importedRows(UUID lineId, int fiscalMonth, int limit) {
        Access.require(Permission.BUDGET_VIEW);
        BudgetLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("Budget line"));
        Budget budget = budgets.findById(line.budgetId()).orElseThrow(() -> new NotFoundException("Budget"));
        new Checks()
                .rule(fiscalMonth >= 1 && fiscalMonth <= 12, "month", "range", "month must be between 1 and 12")
                .rule(limit >= 1 && limit <= 500, "limit", "range", "limit must be between 1 and 500")
                .throwIfAny();
        // By the charge dates of the month: the rows' key leads with the date, so this reads the month's rows only.
        java.time.YearMonth month = budget.month(fiscalMonth);
        return jdbc.sql("select r.import_id, i.file_name, r.source_line, r.charge_date, r.provider, r.service, r.sub_account, "
                        + "r.charge_category, r.account, r.billed_cost, r.effective_cost, r.currency, r.exchange_rate, i.measure "
                        + "from budget_actual_rows r join cost_imports i on i.id = r.import_id and i.org_id = r.org_id "
                        + "where r.org_id = ? and r.charge_date between ? and ? and r.line_id = ? and r.fiscal_month = ? "
                        + "order by r.charge_date desc, r.source_line desc limit " + limit)
                .params(line.orgId(), month.atDay(1), month.atEndOfMonth(), lineId, fiscalMonth)
                .query((rs, n) -> {
                    boolean effective = "EFFECTIVE".equals(rs.getString("measure"));
                    BigDecimal original = effective ? rs.getBigDecimal("effective_cost") : rs.getBigDecimal("billed_cost");
                    original = original == null ? BigDecimal.ZERO : original.stripTrailingZeros();
                    BigDecimal rate = rs.getBigDecimal("exchange_rate");
                    String currency = rs.getString("currency");
                    return new ImportedRowView(
                            rs.getObject("import_id", UUID.class),
                            rs.getString("file_name"),
                            rs.getLong("source_line"),
                            rs.getObject("charge_date", LocalDate.class),
                            rs.getString("provider"),
                            rs.getString("service"),
                            rs.getString("sub_account"),
                            rs.getString("charge_category"),
                            rs.getString("account"),
                            original,
                            currency == null ? budget.currency() : currency,
                            rate == null ? null : rate.stripTrailingZeros(),
                            rate == null ? original : original.multiply(rate).setScale(4, RoundingMode.HALF_EVEN));
                })
                .list();
    }

    // ---- reading

    private BudgetLineView line(Budget budget, UUID lineId) {
        return rows(budget, lineId, GridFilter.none()).stream().findFirst().orElseThrow(() -> new NotFoundException("Budget line"));
    }

    private List<BudgetLineView> rows(Budget budget, @Nullable UUID onlyLine, GridFilter filter) {
        StringBuilder sql = new StringBuilder(LINE_SELECT + " where l.org_id = :org and l.budget_id = :budget and l.archived = false");
        Map<String, Object> params = new HashMap<>();
        params.put("org", budget.orgId());
        params.put("budget", budget.getId());
        if (onlyLine != null) {
            sql.append(" and l.id = :line");
            params.put("line", onlyLine);
        }
        if (filter.departmentId() != null) {
            sql.append(" and l.department_id = :dept");
            params.put("dept", filter.departmentId());
        }
        if (filter.categoryId() != null) {
            sql.append(" and (l.cost_pool_id = :cat or l.tower_id = :cat)");
            params.put("cat", filter.categoryId());
        }
        if (filter.expenseType() != null) {
            sql.append(" and l.expense_type = :type");
            params.put("type", filter.expenseType().name());
        }
        if (filter.vendorId() != null) {
            sql.append(" and l.vendor_id = :vendor");
            params.put("vendor", filter.vendorId());
        }
        sql.append(" order by l.unallocated, l.code");
        Map<UUID, BigDecimal[]> actuals = actualsByMonth(budget, onlyLine);
        int elapsed = elapsedMonths(budget);
        int scale = Money.fractionDigits(budget.currency());
        List<BudgetLineView> rows = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> lineView(rs, actuals, elapsed, scale))
                .list();
        return named(rows);
    }

    /**
     * The rows with the names of their departments and owners, which come from the organization module, not from its
     * tables, and of their vendors, from the vendor register. A department archived after lines were booked to it stays
     * on them, with its name.
     */
    private List<BudgetLineView> named(List<BudgetLineView> rows) {
        Map<UUID, String> departmentNames = new HashMap<>();
        departments.tree().forEach(e -> departmentNames.put(e.department().id(), e.department().name()));
        Set<UUID> owners = new HashSet<>();
        Set<UUID> vendorIds = new HashSet<>();
        for (BudgetLineView row : rows) {
            if (row.vendorId() != null) {
                vendorIds.add(row.vendorId());
            }
            if (row.departmentId() != null && !departmentNames.containsKey(row.departmentId())) {
                departmentNames.put(row.departmentId(), archivedDepartmentName(row.departmentId()));
            }
            if (row.ownerId() != null) {
                owners.add(row.ownerId());
            }
        }
        Map<UUID, String> ownerNames = members.displayNames(owners);
        Map<UUID, String> vendorNames = vendors.names(vendorIds);
        List<BudgetLineView> named = new ArrayList<>(rows.size());
        for (BudgetLineView r : rows) {
            named.add(new BudgetLineView(r.id(), r.budgetId(), r.code(), r.description(), r.departmentId(),
                    r.departmentId() == null ? null : departmentNames.get(r.departmentId()), r.costPoolId(), r.costPoolName(),
                    r.towerId(), r.towerName(), r.expenseType(), r.vendorId(), r.vendorId() == null ? null : vendorNames.get(r.vendorId()),
                    r.ownerId(),
                    r.ownerId() == null ? null : ownerNames.get(r.ownerId()), r.policy(), r.forecastMethod(), r.unallocated(),
                    r.originalPlan(), r.plan(), r.reserved(), r.committed(), r.actual(), r.available(), r.forecast(),
                    r.forecastVariance(), r.alertLevel(), r.planByMonth(), r.actualByMonth(), r.version()));
        }
        return named;
    }

    private @Nullable String archivedDepartmentName(UUID id) {
        try {
            return departments.get(id).name();
        } catch (NotFoundException e) {
            // Departments are archived, not erased; should one be gone all the same, the line shows it without a name.
            return null;
        }
    }

    /** Actual money per line and month, read line by line through the budget's lines (their index, then the totals' key). */
    private Map<UUID, BigDecimal[]> actualsByMonth(Budget budget, @Nullable UUID onlyLine) {
        Map<UUID, BigDecimal[]> byLine = new HashMap<>();
        String sql = "select t.line_id, t.fiscal_month, t.amount from budget_lines l "
                + "join budget_actual_totals t on t.line_id = l.id and t.org_id = l.org_id "
                + "where l.org_id = ? and l.budget_id = ?" + (onlyLine == null ? "" : " and l.id = ?");
        Object[] params = onlyLine == null ? new Object[] {budget.orgId(), budget.getId()} : new Object[] {budget.orgId(), budget.getId(), onlyLine};
        jdbc.sql(sql).params(params).query(rs -> {
            BigDecimal[] months = byLine.computeIfAbsent(rs.getObject(1, UUID.class), k -> zeros());
            int month = rs.getInt(2);
            months[month - 1] = months[month - 1].add(rs.getBigDecimal(3));
        });
        return byLine;
    }

    private static final String[] MONTH_COLUMNS = {"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11", "m12"};

    /** One line of the grid, without the names of its department, vendor and owner (see {@link #named}). */
    private static BudgetLineView lineView(ResultSet rs, Map<UUID, BigDecimal[]> actuals, int elapsed, int scale) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID departmentId = rs.getObject("department_id", UUID.class);
        UUID ownerId = rs.getObject("owner_id", UUID.class);
        BigDecimal[] plan = new BigDecimal[Phasing.MONTHS];
        for (int m = 0; m < Phasing.MONTHS; m++) {
            plan[m] = rs.getBigDecimal(MONTH_COLUMNS[m]).setScale(scale, RoundingMode.HALF_EVEN);
        }
        BigDecimal[] actualMonths = actuals.getOrDefault(id, zeros());
        BigDecimal planTotal = Phasing.sum(plan);
        BigDecimal reserved = rs.getBigDecimal("reserved").setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal committed = rs.getBigDecimal("committed").setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal actual = rs.getBigDecimal("actual").setScale(scale, RoundingMode.HALF_EVEN);
        ForecastMethod method = ForecastMethod.valueOf(rs.getString("forecast_method"));
        BigDecimal forecast = Forecast.yearEnd(method, plan, actualMonths, reserved, committed, actual, elapsed, scale);
        return new BudgetLineView(
                id,
                rs.getObject("budget_id", UUID.class),
                rs.getString("code"),
                rs.getString("description"),
                departmentId,
                null,
                rs.getObject("cost_pool_id", UUID.class),
                rs.getString("pool_name"),
                rs.getObject("tower_id", UUID.class),
                rs.getString("tower_name"),
                ExpenseType.valueOf(rs.getString("expense_type")),
                rs.getObject("vendor_id", UUID.class),
                null,
                ownerId,
                null,
                SpendPolicy.valueOf(rs.getString("policy")),
                method,
                rs.getBoolean("unallocated"),
                rs.getBigDecimal("original_plan").setScale(scale, RoundingMode.HALF_EVEN),
                planTotal,
                reserved,
                committed,
                actual,
                planTotal.subtract(reserved).subtract(committed).subtract(actual),
                forecast,
                planTotal.subtract(forecast),
                rs.getString("alert_level"),
                List.of(plan),
                scaled(actualMonths, scale),
                rs.getLong("version"));
    }

    private BudgetView view(Budget budget) {
        record Totals(
                BigDecimal original, BigDecimal plan, BigDecimal reserved, BigDecimal committed, BigDecimal actual, int lines, BigDecimal unallocated) {}
        // One round trip; the unallocated line's actual money is counted apart from the planned lines.
        Totals t = jdbc.sql("select coalesce(sum(original_plan), 0), coalesce(sum(m01+m02+m03+m04+m05+m06+m07+m08+m09+m10+m11+m12), 0), "
                        + "coalesce(sum(reserved), 0), coalesce(sum(committed), 0), coalesce(sum(actual), 0), count(*), "
                        + "(select coalesce(sum(u.actual), 0) from budget_lines u where u.org_id = ? and u.budget_id = ? and u.unallocated = true) "
                        + "from budget_lines where org_id = ? and budget_id = ? and archived = false and unallocated = false")
                .params(budget.orgId(), budget.getId(), budget.orgId(), budget.getId())
                .query((rs, n) -> new Totals(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getBigDecimal(7)))
                .single();
        BigDecimal unallocated = t.unallocated();
        int scale = Money.fractionDigits(budget.currency());
        BigDecimal actual = t.actual().add(unallocated);
        return new BudgetView(
                budget.getId(),
                budget.fiscalYear(),
                budget.name(),
                budget.currency(),
                budget.month(1).atDay(1),
                budget.month(12).atEndOfMonth(),
                budget.status(),
                budget.warnPercent(),
                t.original().setScale(scale, RoundingMode.HALF_EVEN),
                t.plan().setScale(scale, RoundingMode.HALF_EVEN),
                t.reserved().setScale(scale, RoundingMode.HALF_EVEN),
                t.committed().setScale(scale, RoundingMode.HALF_EVEN),
                actual.setScale(scale, RoundingMode.HALF_EVEN),
                t.plan().subtract(t.reserved()).subtract(t.committed()).subtract(actual).setScale(scale, RoundingMode.HALF_EVEN),
                t.lines(),
                budget.approvedAt(),
                budget.version());
    }

    // ---- helpers

    /** More than 0 and at most 100, in hundredths as stored: 80.555 would be kept as 80.56 without a word. */
    private static void warnPercent(Checks checks, @Nullable BigDecimal warnPercent) {
        checks.rule(warnPercent == null || (warnPercent.signum() > 0 && warnPercent.compareTo(BigDecimal.valueOf(100)) <= 0),
                        "warnPercent", "range", "warnPercent must be more than 0 and at most 100")
                .rule(warnPercent == null || warnPercent.stripTrailingZeros().scale() <= 2,
                        "warnPercent", "precision", "warnPercent must have at most 2 decimals");
    }

    Budget find(int fiscalYear) {
        return budgets.findByFiscalYear(fiscalYear).orElseThrow(() -> new NotFoundException("Budget"));
    }

    /** Fiscal months already closed: 0 before the year starts, 12 once it has ended. */
    static int elapsedMonths(Budget budget) {
        LocalDate today = LocalDate.now(BudgetLedger.zone());
        int current = budget.fiscalMonthOf(today);
        return Math.max(0, Math.min(12, current - 1));
    }

    static String label(int fiscalYear, int startMonth) {
        return startMonth == 1 ? "FY" + fiscalYear : "FY" + fiscalYear + "/" + String.valueOf(fiscalYear + 1).substring(2);
    }

    private static List<BigDecimal> scaled(BigDecimal[] values, int scale) {
        BigDecimal[] out = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].setScale(scale, RoundingMode.HALF_EVEN);
        }
        return List.of(out);
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] months = new BigDecimal[Phasing.MONTHS];
        Arrays.fill(months, BigDecimal.ZERO);
        return months;
    }

    private void describe(BudgetLine line, SaveBudgetLine c) {
        line.describe(
                c.description(),
                c.departmentId(),
                c.costPoolId(),
                c.towerId(),
                c.expenseType() == null ? ExpenseType.OPEX : c.expenseType(),
                c.vendorId(),
                c.ownerId(),
                c.policy() == null ? SpendPolicy.WARN : c.policy(),
                c.forecastMethod() == null ? ForecastMethod.REMAINING_PLAN : c.forecastMethod());
    }

    private static BigDecimal[] phasing(SaveBudgetLine c, Budget budget) {
        if (c.months() != null) {
            return Phasing.perMonth(c.months(), budget.currency());
        }
        return Phasing.equal(c.amount() == null ? BigDecimal.ZERO : c.amount(), budget.currency());
    }

    /**
     * Checks a line as entered. References must name active records of this organization, except that a line keeps
     * what it already has: a department archived or an owner deactivated since stays on the line when it is edited.
     */
    private void validate(SaveBudgetLine c, Budget budget, @Nullable BudgetLine current) {
        var checks = new Checks().text("description", c.description(), 500, true);
        if (current == null) {
            checks.code("code", c.code());
        }
        if (c.amount() != null && c.months() != null) {
            checks.rule(false, "months", "exclusive", "give either amount (equal split) or months, not both");
        }
        checks.money("amount", c.amount());
        if (c.amount() != null && c.amount().stripTrailingZeros().scale() > Money.fractionDigits(budget.currency())) {
            checks.rule(false, "amount", "precision", "amount has more decimals than " + budget.currency() + " allows");
        }
        var kept = current == null ? null : current.snapshot();
        if (c.departmentId() != null && (kept == null || !c.departmentId().equals(kept.departmentId()))) {
            checks.rule(departments.isActiveDepartment(c.departmentId()), "departmentId", "unknown",
                    "departmentId names no active department of this organization");
        }
        if (c.costPoolId() != null && (kept == null || !c.costPoolId().equals(kept.costPoolId()))) {
            checks.rule(categories.isActive(c.costPoolId(), CostCategory.Kind.POOL), "costPoolId", "unknown",
                    "costPoolId names no active cost pool of this organization");
        }
        if (c.towerId() != null && (kept == null || !c.towerId().equals(kept.towerId()))) {
            checks.rule(categories.isActive(c.towerId(), CostCategory.Kind.TOWER), "towerId", "unknown",
                    "towerId names no active resource tower of this organization");
        }
        if (c.vendorId() != null && (kept == null || !c.vendorId().equals(kept.vendorId()))) {
            checks.rule(vendors.accepts(c.vendorId()), "vendorId", "unknown", "vendorId names no vendor of this organization");
        }
        if (c.ownerId() != null && (kept == null || !c.ownerId().equals(kept.ownerId()))) {
            checks.rule(members.isActiveMember(c.ownerId()), "ownerId", "unknown", "ownerId names no active member of this organization");
        }
        checks.throwIfAny();
    }

    private static final String LINE_SELECT = "select l.*, p.name as pool_name, t.name as tower_name from budget_lines l "
            + "left join cost_categories p on p.id = l.cost_pool_id and p.org_id = l.org_id "
            + "left join cost_categories t on t.id = l.tower_id and t.org_id = l.org_id";

    static List<BigDecimal> list(BigDecimal[] values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
