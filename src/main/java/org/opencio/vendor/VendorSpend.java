package org.opencio.vendor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.VendorSpendQuery;
import org.opencio.organization.OrganizationManagement;
import org.opencio.organization.OrganizationView;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.Checks;
import org.opencio.shared.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spend per vendor in a fiscal year: contract values from the vendor's contract terms (each for its days in the year), plan, commitments and actual money
 * from the budget lines that name the vendor, and (once procurement exists) purchase orders.
 */
@Service
public class VendorSpend {

    /**
     * The contract statuses whose terms count as contract spend: every term that bound the organization — in force,
     * renewed (the earlier term of a renewal), terminated (until the date it ends) and expired. Drafts never bound it.
     * Each term counts only for the days it runs within the fiscal year, so a renewal in the middle of the year is not
     * counted twice and an earlier year keeps the terms it had.
     */
    static final List<String> CONTRACT_STATUSES_COUNTED = List.of("ACTIVE", "EXPIRING", "RENEWED", "TERMINATED", "EXPIRED");

    private final VendorSpendQuery budget;
    private final OrganizationManagement organizations;
    private final ObjectProvider<PurchaseOrderSpend> purchaseOrders;
    private final JdbcClient jdbc;

    VendorSpend(VendorSpendQuery budget, OrganizationManagement organizations, ObjectProvider<PurchaseOrderSpend> purchaseOrders,
            JdbcClient jdbc) {
        this.budget = budget;
        this.organizations = organizations;
        this.purchaseOrders = purchaseOrders;
        this.jdbc = jdbc;
    }

    /** The fiscal year today falls in (named by the calendar year in which it starts, as budgets are). */
    @Transactional(readOnly = true)
    public int currentFiscalYear() {
        OrganizationView org = organizations.current();
        LocalDate today = VendorNoteManagement.today();
        return today.getMonthValue() >= org.fiscalYearStartMonth() ? today.getYear() : today.getYear() - 1;
    }

    /** Spend per vendor of the fiscal year, optionally of one category or one vendor, ranked by spend. */
    @Transactional(readOnly = true)
    public SpendReport report(int fiscalYear, @Nullable VendorCategory category, @Nullable UUID vendorId) {
        OrgAccess caller = Access.require(Permission.VENDORS_VIEW);
        new Checks().range("fiscalYear", fiscalYear, 2000, 2100).throwIfAny();
        OrganizationView org = organizations.current();
        LocalDate starts = LocalDate.of(fiscalYear, org.fiscalYearStartMonth(), 1);
        LocalDate ends = starts.plusYears(1).minusDays(1);

        Optional<VendorSpendQuery.Result> money = caller.can(Permission.BUDGET_VIEW) ? budget.byVendor(fiscalYear) : Optional.empty();
        String currency = money.map(VendorSpendQuery.Result::currency).orElse(org.baseCurrency());
        Map<UUID, VendorSpendQuery.VendorMoney> budgeted = money.map(VendorSpendQuery.Result::byVendor).orElse(Map.of());

        record Contracted(int count, BigDecimal value, List<SpendReport.Amount> other) {}
        Map<UUID, Contracted> contracted = new HashMap<>();
        if (caller.can(Permission.CONTRACTS_VIEW)) {
            jdbc.sql("select vendor_id, currency, start_date, end_date, terminated_on, status, annual_value from contracts "
                            + "where org_id = :org and archived = false and status in (:statuses) and start_date <= :ends "
                            + "and (end_date is null or end_date >= :starts)")
                    .param("org", caller.orgId())
                    .param("statuses", CONTRACT_STATUSES_COUNTED)
                    .param("starts", starts)
                    .param("ends", ends)
                    .query(rs -> {
                        LocalDate end = rs.getObject("end_date", LocalDate.class);
                        LocalDate terminated = rs.getObject("terminated_on", LocalDate.class);
                        if ("TERMINATED".equals(rs.getString("status")) && terminated != null && (end == null || terminated.isBefore(end))) {
                            end = terminated;
                        }
                        String termCurrency = rs.getString("currency");
                        BigDecimal annual = inYear(rs.getBigDecimal("annual_value"), rs.getObject("start_date", LocalDate.class), end, starts,
                                ends, termCurrency);
                        if (annual == null) {
                            return;
                        }
                        UUID vendor = rs.getObject("vendor_id", UUID.class);
                        Contracted c = contracted.getOrDefault(vendor, new Contracted(0, BigDecimal.ZERO, List.of()));
                        List<SpendReport.Amount> other = new ArrayList<>(c.other());
                        BigDecimal value = c.value();
                        if (currency.equals(termCurrency)) {
                            value = value.add(annual);
                        } else {
                            other.add(new SpendReport.Amount(annual, termCurrency));
                        }
                        contracted.put(vendor, new Contracted(c.count() + 1, value, merged(other)));
                    });
        }
        PurchaseOrderSpend orders = purchaseOrders.getIfAvailable();
        Map<UUID, BigDecimal> ordered = orders == null ? Map.of() : orders.orderedByVendor(starts, ends, currency);

        Set<UUID> ids = new LinkedHashSet<>();
        ids.addAll(contracted.keySet());
        budgeted.forEach((id, m) -> {
            if (m.plan().signum() != 0 || m.committed().signum() != 0 || m.actual().signum() != 0) {
                ids.add(id);
            }
        });
        ids.addAll(ordered.keySet());
        if (vendorId != null) {
            ids.retainAll(Set.of(vendorId));
        }
        record Info(String name, VendorCategory category, StrategicTier tier) {}
        Map<UUID, Info> vendors = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, coalesce(trading_name, legal_name) as name, category, strategic_tier from vendors where org_id = :org and id in (:ids)")
                    .param("org", caller.orgId())
                    .param("ids", ids)
                    .query(rs -> {
                        vendors.put(rs.getObject("id", UUID.class), new Info(rs.getString("name"), VendorCategory.valueOf(rs.getString("category")),
                                StrategicTier.valueOf(rs.getString("strategic_tier"))));
                    });
        }
        boolean hasBudget = money.isPresent();
        boolean hasOrders = orders != null;
        List<SpendReport.Row> rows = new ArrayList<>();
        for (UUID id : ids) {
            Info info = vendors.get(id);
            if (info == null || (category != null && info.category() != category)) {
                continue;
            }
            Contracted c = contracted.getOrDefault(id, new Contracted(0, BigDecimal.ZERO, List.of()));
            VendorSpendQuery.VendorMoney m = budgeted.get(id);
            BigDecimal plan = hasBudget ? (m == null ? BigDecimal.ZERO : m.plan()) : null;
            BigDecimal committed = hasBudget ? (m == null ? BigDecimal.ZERO : m.committed()) : null;
            BigDecimal actual = hasBudget ? (m == null ? BigDecimal.ZERO : m.actual()) : null;
            BigDecimal spent = hasBudget ? committed.add(actual) : BigDecimal.ZERO;
            rows.add(new SpendReport.Row(id, info.name(), info.category(), info.tier(), c.count(), c.value(), c.other(), plan, committed, actual,
                    hasOrders ? ordered.getOrDefault(id, BigDecimal.ZERO) : null, c.value().max(spent)));
        }
        rows.sort(Comparator.comparing(SpendReport.Row::spend).reversed().thenComparing(r -> r.name().toLowerCase(Locale.ROOT)));
        return new SpendReport(fiscalYear, starts, ends, currency, caller.can(Permission.BUDGET_VIEW), hasBudget, hasOrders, rows,
                total(rows, hasBudget, hasOrders));
    }

    /**
     * The part of a term's annual value that falls in the fiscal year from {@code starts} to {@code ends}: the annual
     * value × the days the term runs in the year ÷ the days of the year, rounded to the currency's minor unit. A term
     * that covers the whole year counts its annual value; null when the term does not run in the year.
     */
    static @Nullable BigDecimal inYear(BigDecimal annual, LocalDate start, @Nullable LocalDate end, LocalDate starts, LocalDate ends,
            String currency) {
        LocalDate from = start.isAfter(starts) ? start : starts;
        LocalDate to = end == null || end.isAfter(ends) ? ends : end;
        if (to.isBefore(from)) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long yearDays = ChronoUnit.DAYS.between(starts, ends) + 1;
        return annual.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(yearDays), Money.fractionDigits(currency), RoundingMode.HALF_EVEN);
    }

    /** Amounts in other currencies, one per currency. */
    private static List<SpendReport.Amount> merged(List<SpendReport.Amount> amounts) {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        amounts.forEach(a -> byCurrency.merge(a.currency(), a.amount(), BigDecimal::add));
        return byCurrency.entrySet().stream().map(e -> new SpendReport.Amount(e.getValue(), e.getKey())).toList();
    }

    private static SpendReport.Row total(List<SpendReport.Row> rows, boolean budget, boolean orders) {
        BigDecimal contracts = BigDecimal.ZERO;
        BigDecimal plan = BigDecimal.ZERO;
        BigDecimal committed = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        BigDecimal ordered = BigDecimal.ZERO;
        BigDecimal spend = BigDecimal.ZERO;
        int count = 0;
        for (SpendReport.Row r : rows) {
            contracts = contracts.add(r.contractValue());
            count += r.contracts();
            if (budget) {
                plan = plan.add(r.plan());
                committed = committed.add(r.committed());
                actual = actual.add(r.actual());
            }
            if (orders) {
                ordered = ordered.add(r.ordered());
            }
            spend = spend.add(r.spend());
        }
        return new SpendReport.Row(null, "", null, null, count, contracts, List.of(), budget ? plan : null, budget ? committed : null,
                budget ? actual : null, orders ? ordered : null, spend);
    }
}
