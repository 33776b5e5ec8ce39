package org.opencio.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencio.budget.PurchaseBudget;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.vendor.PurchaseOrderSpend;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the vendor register what was ordered from each vendor: the orders dated in the span, cancelled ones left out,
 * in the currency asked for (the base currency, or converted from it at the rate of the span's last day).
 */
@Component
class OrderedSpend implements PurchaseOrderSpend {

    private final JdbcClient jdbc;
    private final PurchaseBudget budget;

    OrderedSpend(JdbcClient jdbc, PurchaseBudget budget) {
        this.jdbc = jdbc;
        this.budget = budget;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, BigDecimal> orderedByVendor(LocalDate from, LocalDate to, String currency) {
        String base = TenantContext.requireAccess().baseCurrency();
        BigDecimal rate = base.equals(currency) ? BigDecimal.ONE : budget.rateToBase(currency, to);
        Map<UUID, BigDecimal> out = new HashMap<>();
        if (rate == null || rate.signum() == 0) {
            return out;
        }
        jdbc.sql("select vendor_id, sum(total_base) as total from purchase_orders where org_id = ? and order_date between ? and ? "
                        + "and status <> 'CANCELLED' group by vendor_id")
                .params(TenantContext.requireOrgId(), from, to)
                .query(rs -> {
                    out.put(rs.getObject("vendor_id", UUID.class), rs.getBigDecimal("total").divide(rate, 4, RoundingMode.HALF_EVEN));
                });
        return out;
    }
}
