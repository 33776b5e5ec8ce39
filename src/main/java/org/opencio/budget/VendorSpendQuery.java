package org.opencio.budget;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencio.platform.security.Access;
import org.opencio.platform.security.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The budget's money per vendor, for the vendor register's spend view: what the lines naming a vendor plan and spend. */
@Service
public class VendorSpendQuery {

    /** Plan, open commitments and actual money of the lines that name one vendor, in the budget's currency. */
    public record VendorMoney(UUID vendorId, BigDecimal plan, BigDecimal committed, BigDecimal actual) {}

    /** A fiscal year's budget money by vendor; vendors without a line are absent. */
    public record Result(int fiscalYear, String currency, Map<UUID, VendorMoney> byVendor) {}

    private final JdbcClient jdbc;

    VendorSpendQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sums per {@code budget_lines.vendor_id} of the current organization's budget of the year; empty without one. */
    @Transactional(readOnly = true)
    public Optional<Result> byVendor(int fiscalYear) {
        UUID orgId = Access.require(Permission.BUDGET_VIEW).orgId();
        record Found(UUID id, String currency) {}
        Optional<Found> budget = jdbc.sql("select id, currency from budgets where org_id = :org and fiscal_year = :year")
                .param("org", orgId)
                .param("year", fiscalYear)
                .query((rs, n) -> new Found(rs.getObject("id", UUID.class), rs.getString("currency")))
                .optional();
        if (budget.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, VendorMoney> money = new HashMap<>();
        jdbc.sql("select vendor_id, sum(m01 + m02 + m03 + m04 + m05 + m06 + m07 + m08 + m09 + m10 + m11 + m12) as plan, "
                        + "sum(committed) as committed, sum(actual) as actual from budget_lines "
                        + "where org_id = :org and budget_id = :budget and archived = false and vendor_id is not null group by vendor_id")
                .param("org", orgId)
                .param("budget", budget.get().id())
                .query(rs -> {
                    UUID vendor = rs.getObject("vendor_id", UUID.class);
                    money.put(vendor, new VendorMoney(vendor, rs.getBigDecimal("plan"), rs.getBigDecimal("committed"), rs.getBigDecimal("actual")));
                });
        return Optional.of(new Result(fiscalYear, budget.get().currency(), money));
    }
}
