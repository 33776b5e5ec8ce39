package org.opencio.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.opencio.budget.CostCategoryView;
import org.opencio.budget.PurchaseBudget;
import org.opencio.budget.VendorDirectory;
import org.opencio.organization.DepartmentManagement;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.opencio.platform.tenancy.OrgAccess;
import org.opencio.shared.Checks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was bought in a span of days: the purchase orders dated in it (cancelled ones left out), what they ordered and
 * what of it was invoiced, by vendor, by cost category (of the lines) and by department (of the request), in the base
 * currency, largest first.
 */
@Service
public class PurchaseSpend {

    /** One vendor, category or department: ordered and invoiced money, and on how many orders. */
    public record Row(@Nullable UUID id, String name, BigDecimal ordered, BigDecimal invoiced, int orders) {}

    public record Report(LocalDate from, LocalDate to, String currency, BigDecimal ordered, BigDecimal invoiced, int orders,
            List<Row> byVendor, List<Row> byCategory, List<Row> byDepartment) {}

    private final JdbcClient jdbc;
    private final VendorDirectory vendors;
    private final PurchaseBudget budget;
    private final DepartmentManagement departments;

    PurchaseSpend(JdbcClient jdbc, VendorDirectory vendors, PurchaseBudget budget, DepartmentManagement departments) {
        this.jdbc = jdbc;
        this.vendors = vendors;
        this.budget = budget;
        this.departments = departments;
    }

    /** The span from {@code from} to {@code to}, both included; by default the twelve months up to today. */
    @Transactional(readOnly = true)
    public Report report(@Nullable LocalDate from, @Nullable LocalDate to) {
        OrgAccess caller = Access.require(Permission.PURCHASE_ORDERS_VIEW);
        LocalDate end = to != null ? to : LocalDate.now(ZoneId.of(caller.timeZone()));
        LocalDate start = from != null ? from : end.minusYears(1).plusDays(1);
        new Checks().rule(!start.isAfter(end), "from", "after-to", "from must not come after to")
                .rule(!start.isBefore(end.minusYears(10)), "from", "too-long", "a span of at most ten years")
                .throwIfAny();
        Map<String, Object> params = Map.of("org", caller.orgId(), "from", start, "to", end);
        String counted = "(select coalesce(sum(i.total_base), 0) from invoices i where i.org_id = o.org_id and i.order_id = o.id "
                + "and i.status in ('MATCHED', 'ACCEPTED'))";
        String orders = "from purchase_orders o where o.org_id = :org and o.order_date between :from and :to and o.status <> 'CANCELLED'";

        List<Row> byVendor = rows(jdbc.sql("select o.vendor_id as k, sum(o.total_base) as ordered, sum(" + counted + ") as invoiced, count(*) as n "
                + orders + " group by o.vendor_id").params(params), vendors::names);

        Map<UUID, String> categoryNames = new HashMap<>();
        for (CostCategoryView c : budget.categories()) {
            categoryNames.put(c.id(), c.name());
        }
        // Invoiced money of a category: the order's invoiced share of its total, spread over its lines by their amount.
        List<Row> byCategory = rows(jdbc.sql("select l.category_id as k, sum(l.base_amount) as ordered, "
                + "sum(case when o.total_base = 0 then 0 else l.base_amount * " + counted + " / o.total_base end) as invoiced, "
                + "count(distinct o.id) as n from purchase_order_lines l join purchase_orders o on o.org_id = l.org_id and o.id = l.order_id "
                + "where l.org_id = :org and o.order_date between :from and :to and o.status <> 'CANCELLED' group by l.category_id")
                .params(params), ids -> categoryNames);

        Map<UUID, String> departmentNames = new HashMap<>();
        departments.tree().forEach(t -> departmentNames.put(t.department().id(), t.department().name()));
        List<Row> byDepartment = rows(jdbc.sql("select r.department_id as k, sum(o.total_base) as ordered, sum(" + counted + ") as invoiced, "
                + "count(*) as n from purchase_orders o join purchase_requests r on r.org_id = o.org_id and r.id = o.request_id "
                + "where o.org_id = :org and o.order_date between :from and :to and o.status <> 'CANCELLED' group by r.department_id")
                .params(params), ids -> departmentNames);

        BigDecimal ordered = byVendor.stream().map(Row::ordered).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal invoiced = byVendor.stream().map(Row::invoiced).reduce(BigDecimal.ZERO, BigDecimal::add);
        int count = byVendor.stream().mapToInt(Row::orders).sum();
        return new Report(start, end, caller.baseCurrency(), ordered, invoiced, count, byVendor, byCategory, byDepartment);
    }

    /** The grouped rows, named once all keys are known (null key: no vendor, category or department; named ""). */
    private static List<Row> rows(JdbcClient.StatementSpec query, Function<Collection<UUID>, Map<UUID, String>> namesOf) {
        List<Row> unnamed = query.query((rs, n) -> new Row(rs.getObject("k", UUID.class), "",
                rs.getBigDecimal("ordered").setScale(2, java.math.RoundingMode.HALF_EVEN),
                rs.getBigDecimal("invoiced").setScale(2, java.math.RoundingMode.HALF_EVEN), rs.getInt("n"))).list();
        Map<UUID, String> names = namesOf.apply(unnamed.stream().map(Row::id).filter(java.util.Objects::nonNull).toList());
        List<Row> out = new ArrayList<>(unnamed.stream()
                .map(r -> r.id() == null ? r : new Row(r.id(), names.getOrDefault(r.id(), "?"), r.ordered(), r.invoiced(), r.orders()))
                .toList());
        out.sort(Comparator.comparing(Row::ordered).reversed().thenComparing(Row::name));
        return out;
    }
}
