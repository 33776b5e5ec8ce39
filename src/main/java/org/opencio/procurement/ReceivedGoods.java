package org.opencio.procurement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.opencio.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every goods receipt of the organization as the {@link GoodsReceived} event it published, oldest first. A module that
 * arrives after goods were received (the asset register) reads what it missed from here, then follows the events.
 */
@Service
public class ReceivedGoods {

    private final JdbcClient jdbc;

    ReceivedGoods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} receipts recorded after {@code after} (exclusive; null: from the first), in the order they were recorded. */
    @Transactional(readOnly = true)
    public List<GoodsReceived> since(@Nullable Instant after, int limit) {
        UUID org = TenantContext.requireOrgId();
        Instant from = after == null ? Instant.EPOCH : after;
        record Head(UUID id, String number, UUID orderId, String orderNumber, UUID vendorId, LocalDate on, UUID by, String currency) {}
        Map<UUID, Head> heads = new LinkedHashMap<>();
        jdbc.sql("select r.id, r.number, r.order_id, o.number as order_number, o.vendor_id, r.received_on, r.received_by, o.base_currency "
                        + "from goods_receipts r join purchase_orders o on o.org_id = r.org_id and o.id = r.order_id "
                        + "where r.org_id = ? and r.created_at > ? order by r.created_at, r.id limit ?")
                .params(org, Timestamp.from(from), Math.max(1, Math.min(limit, 1000)))
                .query(rs -> {
                    heads.put(rs.getObject("id", UUID.class), new Head(rs.getObject("id", UUID.class), rs.getString("number"),
                            rs.getObject("order_id", UUID.class), rs.getString("order_number"), rs.getObject("vendor_id", UUID.class),
                            rs.getObject("received_on", LocalDate.class), rs.getObject("received_by", UUID.class), rs.getString("base_currency")));
                });
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<GoodsReceived.Item>> items = new LinkedHashMap<>();
        jdbc.sql("select g.receipt_id, g.quantity, l.id, l.description, l.category_id, l.catalog_item, l.base_amount, l.quantity as ordered "
                        + "from goods_receipt_lines g join purchase_order_lines l on l.org_id = g.org_id and l.id = g.order_line_id "
                        + "where g.org_id = :org and g.receipt_id in (:ids) order by l.position")
                .param("org", org)
                .param("ids", heads.keySet())
                .query(rs -> {
                    UUID receipt = rs.getObject("receipt_id", UUID.class);
                    BigDecimal unit = rs.getBigDecimal("base_amount").divide(rs.getBigDecimal("ordered"), 4, java.math.RoundingMode.HALF_EVEN);
                    items.computeIfAbsent(receipt, k -> new ArrayList<>()).add(new GoodsReceived.Item(rs.getObject("id", UUID.class),
                            rs.getString("description"), rs.getObject("category_id", UUID.class), rs.getString("catalog_item"),
                            rs.getBigDecimal("quantity"), unit, heads.get(receipt).currency()));
                });
        return heads.values().stream()
                .map(h -> new GoodsReceived(org, h.id(), h.number(), h.orderId(), h.orderNumber(), h.vendorId(), h.on(), h.by(),
                        items.getOrDefault(h.id(), List.of())))
                .toList();
    }
}
