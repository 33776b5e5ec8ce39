package org.opencio.procurement;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.TenantContext;
import org.opencio.shared.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of a purchase order beside its header: lines, goods receipts and invoice lines. */
@Component
class PurchaseOrderStore {

    /** A goods receipt as stored, its lines by order line. */
    record StoredReceipt(UUID id, String number, LocalDate receivedOn, UUID receivedBy, @Nullable String note, Instant createdAt,
            Map<UUID, BigDecimal> quantities) {}

    /** An invoice line as stored. */
    record StoredInvoiceLine(@Nullable UUID invoiceId, UUID orderLineId, int position, BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount) {}

    private final JdbcClient jdbc;

    PurchaseOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- order lines

    void addLine(UUID orderId, PurchaseOrderView.Line l) {
        jdbc.sql("insert into purchase_order_lines (id, org_id, order_id, position, request_line_id, description, category_id, catalog_item, kind, "
                        + "quantity, unit_price, currency, rate_to_base, base_amount, received_quantity, invoiced_quantity) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(l.id(), TenantContext.requireOrgId(), orderId, l.position(), l.requestLineId(), l.description(), l.categoryId(), l.catalogItem(),
                        l.kind().name(), l.quantity(), l.unitPrice(), l.currency(), l.rateToBase(), l.baseAmount(), l.receivedQuantity(),
                        l.invoicedQuantity())
                .update();
    }

    List<PurchaseOrderView.Line> lines(UUID orderId) {
        return jdbc.sql("select * from purchase_order_lines where org_id = ? and order_id = ? order by position")
                .params(TenantContext.requireOrgId(), orderId)
                .query(PurchaseOrderStore::line)
                .list();
    }

    /** The order's lines by id, in their order. */
    Map<UUID, PurchaseOrderView.Line> linesById(UUID orderId) {
        Map<UUID, PurchaseOrderView.Line> out = new LinkedHashMap<>();
        lines(orderId).forEach(l -> out.put(l.id(), l));
        return out;
    }

    void addReceived(UUID lineId, BigDecimal quantity) {
        jdbc.sql("update purchase_order_lines set received_quantity = received_quantity + ? where org_id = ? and id = ?")
                .params(quantity, TenantContext.requireOrgId(), lineId)
                .update();
    }

    void addInvoiced(UUID lineId, BigDecimal quantity) {
        jdbc.sql("update purchase_order_lines set invoiced_quantity = invoiced_quantity + ? where org_id = ? and id = ?")
                .params(quantity, TenantContext.requireOrgId(), lineId)
                .update();
    }

    private static PurchaseOrderView.Line line(ResultSet rs, int n) throws SQLException {
        return new PurchaseOrderView.Line(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getObject("request_line_id", UUID.class),
                rs.getString("description"), rs.getObject("category_id", UUID.class), rs.getString("catalog_item"), LineKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getString("currency"), rs.getBigDecimal("rate_to_base"),
                rs.getBigDecimal("base_amount"), rs.getBigDecimal("received_quantity"), rs.getBigDecimal("invoiced_quantity"));
    }

    // ---- receipts

    void addReceipt(UUID id, String number, UUID orderId, LocalDate receivedOn, UUID receivedBy, @Nullable String note, Instant at,
            Map<UUID, BigDecimal> quantities) {
        UUID org = TenantContext.requireOrgId();
        jdbc.sql("insert into goods_receipts (id, org_id, number, order_id, received_on, received_by, note, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, org, number, orderId, receivedOn, receivedBy, note, Timestamp.from(at))
                .update();
        quantities.forEach((lineId, q) -> jdbc.sql("insert into goods_receipt_lines (id, org_id, receipt_id, order_line_id, quantity) values (?, ?, ?, ?, ?)")
                .params(Ids.newId(), org, id, lineId, q)
                .update());
    }

    List<StoredReceipt> receipts(UUID orderId) {
        UUID org = TenantContext.requireOrgId();
        Map<UUID, Map<UUID, BigDecimal>> lines = new LinkedHashMap<>();
        jdbc.sql("select l.receipt_id, l.order_line_id, l.quantity from goods_receipt_lines l join goods_receipts r on r.id = l.receipt_id "
                        + "where r.org_id = ? and r.order_id = ? and l.org_id = ?")
                .params(org, orderId, org)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getObject("receipt_id", UUID.class), k -> new LinkedHashMap<>())
                            .merge(rs.getObject("order_line_id", UUID.class), rs.getBigDecimal("quantity"), BigDecimal::add);
                });
        return jdbc.sql("select * from goods_receipts where org_id = ? and order_id = ? order by created_at, id")
                .params(org, orderId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new StoredReceipt(id, rs.getString("number"), rs.getObject("received_on", LocalDate.class), rs.getObject("received_by", UUID.class),
                            rs.getString("note"), rs.getTimestamp("created_at").toInstant(), lines.getOrDefault(id, Map.of()));
                })
                .list();
    }

    // ---- invoice lines

    void addInvoiceLines(UUID invoiceId, List<StoredInvoiceLine> lines) {
        UUID org = TenantContext.requireOrgId();
        for (StoredInvoiceLine l : lines) {
            jdbc.sql("insert into invoice_lines (id, org_id, invoice_id, order_line_id, position, quantity, unit_price, amount) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(Ids.newId(), org, invoiceId, l.orderLineId(), l.position(), l.quantity(), l.unitPrice(), l.amount())
                    .update();
        }
    }

    List<StoredInvoiceLine> invoiceLines(Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from invoice_lines where org_id = :org and invoice_id in (:ids) order by invoice_id, position")
                .param("org", TenantContext.requireOrgId())
                .param("ids", invoiceIds)
                .query((rs, n) -> new StoredInvoiceLine(rs.getObject("invoice_id", UUID.class), rs.getObject("order_line_id", UUID.class),
                        rs.getInt("position"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("amount")))
                .list();
    }

    // ---- tolerance

    record Tolerance(BigDecimal pricePercent, @Nullable BigDecimal maxAmount, long version) {}

    static final Tolerance DEFAULT_TOLERANCE = new Tolerance(new BigDecimal("2"), new BigDecimal("500"), 0);

    Tolerance tolerance() {
        return jdbc.sql("select price_percent, max_amount, version from invoice_tolerances where org_id = ?")
                .params(TenantContext.requireOrgId())
                .query((rs, n) -> new Tolerance(rs.getBigDecimal("price_percent"), rs.getBigDecimal("max_amount"), rs.getLong("version")))
                .optional()
                .orElse(DEFAULT_TOLERANCE);
    }

    /** Saves the tolerance if its version is still {@code expected}; answers whether it was. */
    boolean saveTolerance(BigDecimal pricePercent, @Nullable BigDecimal maxAmount, long expected) {
        UUID org = TenantContext.requireOrgId();
        Timestamp now = Timestamp.from(Instant.now());
        if (expected == 0) {
            int updated = jdbc.sql("update invoice_tolerances set price_percent = ?, max_amount = ?, updated_at = ?, version = version + 1 "
                            + "where org_id = ? and version = 0")
                    .params(pricePercent, maxAmount, now, org)
                    .update();
            if (updated == 1) {
                return true;
            }
            boolean exists = jdbc.sql("select count(*) from invoice_tolerances where org_id = ?").params(org).query(Long.class).single() > 0;
            if (exists) {
                return false;
            }
            jdbc.sql("insert into invoice_tolerances (org_id, price_percent, max_amount, updated_at, version) values (?, ?, ?, ?, 1)")
                    .params(org, pricePercent, maxAmount, now)
                    .update();
            return true;
        }
        return jdbc.sql("update invoice_tolerances set price_percent = ?, max_amount = ?, updated_at = ?, version = version + 1 "
                        + "where org_id = ? and version = ?")
                .params(pricePercent, maxAmount, now, org, expected)
                .update() == 1;
    }
}
